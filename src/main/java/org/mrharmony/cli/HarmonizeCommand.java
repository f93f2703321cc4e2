package org.mrharmony.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.mrharmony.harmonize.BatchHarmonizer;
import org.mrharmony.harmonize.CpuThreads;
import org.mrharmony.harmonize.HarmonizeJob;
import org.mrharmony.harmonize.HarmonizeMethod;
import org.mrharmony.harmonize.HarmonizeOptions;
import org.mrharmony.harmonize.IntensityMap;
import org.mrharmony.harmonize.Harmonizer;
import org.mrharmony.harmonize.InputCheck;
import org.mrharmony.harmonize.OutputPlan;
import org.mrharmony.harmonize.ProgressListener;
import org.mrharmony.harmonize.Restack;
import org.mrharmony.harmonize.StyleSource;
import org.mrharmony.model.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mrharmony harmonize}: NIfTI volumes into one target site's style. */
@Command(
    name = "harmonize",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Translate T1-weighted volumes into the style and intensity scale of a target site.",
        "Writes OUT/<name><suffix>.nii.gz with the input's geometry unchanged",
        "(affine, qform, sform, pixdim) and a JSON sidecar OUT/<name><suffix>.json."
    })
public final class HarmonizeCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "NIfTI files, or folders of them (not recursive).")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR", description = "Folder for the outputs (created if missing).")
    Path out;

    @Option(names = "--suffix", defaultValue = "_harmonized", paramLabel = "S",
        description = "Added to each input's name (default: ${DEFAULT-VALUE}).")
    String suffix;

    @Option(names = "--volume-index", paramLabel = "N", description = "Which volume of 4D inputs to harmonize (0-based).")
    Integer volumeIndex;

    @Spec
    CommandSpec spec;

    /**
     * What harmonize and bids share: the model, the target, the method and how the GAN runs.
     * Checked together by {@link #toOptions()}.
     */
    public static final class Settings {

        @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Model directory (from mrharmony train).")
        Path model;

        @Option(names = "--target", required = true, paramLabel = "SITE", description = "Site whose style the outputs take.")
        String target;

        @Option(names = "--style", paramLabel = "mean",
            description = "Style code: the target site's mean style (the default; see also --reference, --latent-seed).")
        String style;

        @Option(names = "--reference", paramLabel = "FILE",
            description = "Style code from a reference volume of the target site (style encoder averaged over it).")
        Path reference;

        @Option(names = "--latent-seed", paramLabel = "S", description = "Style code from the mapping network, latent drawn from seed S.")
        Long latentSeed;

        @Option(names = "--restack", defaultValue = "mean", paramLabel = "MODE",
            description = "center: each slice from the centre channel of its own stack; mean: mean of every "
                + "prediction of the slice (default: ${DEFAULT-VALUE}).")
        String restack;

        @Option(names = "--method", defaultValue = "gan", paramLabel = "M",
            description = "gan, or an intensity baseline fitted on the target site: none, zscore, whitestripe, nyul "
                + "(default: ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--intensity-map", defaultValue = "landmarks", paramLabel = "MAP",
            description = "How the GAN's output gets the target's intensities: stats (the site's average intensity "
                + "statistics, linear) or landmarks (then the site's Nyul landmarks; measured better) "
                + "(default: ${DEFAULT-VALUE}).")
        String intensityMap;

        @Option(names = "--device", defaultValue = "cpu", paramLabel = "D", description = "cpu, gpu or gpuN (default: ${DEFAULT-VALUE}).")
        String device;

        @Option(names = "--batch", defaultValue = "" + HarmonizeOptions.DEFAULT_BATCH, paramLabel = "N",
            description = "Slice stacks per forward pass (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--threads", paramLabel = "N",
            description = "Threads per network operation (default: one per core; 1 can be faster on a busy machine).")
        Integer threads;

        @Option(names = "--overwrite", description = "Replace existing outputs (inputs are never overwritten).")
        boolean overwrite;

        @Option(names = "--keep-datatype", description = "Write the input's datatype (default: float32).")
        boolean keepDatatype;

        HarmonizeOptions toOptions() {
            HarmonizeMethod m = HarmonizeMethod.fromId(method);
            int given = (style != null ? 1 : 0) + (reference != null ? 1 : 0) + (latentSeed != null ? 1 : 0);
            if (given > 1) {
                throw new UserError("choose one style: --style mean, --reference FILE or --latent-seed S");
            }
            if (style != null && !style.equals("mean")) {
                throw new UserError("--style takes only 'mean' (use --reference FILE or --latent-seed S for the others)");
            }
            if (m != HarmonizeMethod.GAN && (reference != null || latentSeed != null)) {
                throw new UserError("--reference and --latent-seed choose the GAN's style; --method " + m.id()
                    + " has none");
            }
            StyleSource source = reference != null ? new StyleSource.Reference(reference)
                : latentSeed != null ? new StyleSource.Latent(latentSeed) : new StyleSource.Mean();
            return new HarmonizeOptions(target, m, source, Restack.fromId(restack), batch, Devices.parse(device),
                IntensityMap.fromId(intensityMap));
        }

        /** Files read besides the inputs, which no output may overwrite. */
        List<Path> otherInputs() {
            return reference == null ? List.of() : List.of(reference);
        }
    }

    @Override
    public Integer call() throws IOException {
        HarmonizeOptions options = settings.toOptions();
        if (suffix.contains("/") || suffix.contains("\\")) {
            throw new UserError("--suffix must not contain a path separator: " + suffix);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(out + ": --out must be a folder");
        }
        List<Path> files = OutputPlan.expandInputs(inputs);
        for (Path f : files) {
            InputCheck.check(f, volumeIndex);
        }
        List<HarmonizeJob> jobs = OutputPlan.flat(files, out, suffix, volumeIndex);
        OutputPlan.check(jobs, settings.otherInputs(), settings.overwrite);
        run(settings, options, jobs, spec, () -> { });
        return 0;
    }

    /** Something to do once the model is open, before the first output is written. */
    interface BeforeWriting {
        void run() throws IOException;
    }

    /**
     * Opens the model (which fails on a bad model, site or reference before anything is written)
     * and runs the jobs with a progress bar; shared with the bids command.
     */
    static void run(Settings settings, HarmonizeOptions options, List<HarmonizeJob> jobs, CommandSpec spec,
                    BeforeWriting beforeWriting) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (settings.threads != null) {
            CpuThreads.set(settings.threads);
        }
        try (Harmonizer harmonizer = Harmonizer.open(settings.model, options)) {
            beforeWriting.run();
            new BatchHarmonizer(harmonizer, VersionProvider.version(), settings.keepDatatype)
                .run(jobs, new ConsoleProgress(out, System.console() != null));
        }
        out.flush();
    }

    /**
     * A progress bar per volume over its slices on stderr when a person is watching (a terminal),
     * and one line per finished volume on stdout always.
     */
    static final class ConsoleProgress implements ProgressListener {

        private final PrintWriter out;
        private final boolean interactive;
        private ProgressBar bar;

        ConsoleProgress(PrintWriter out, boolean interactive) {
            this.out = out;
            this.interactive = interactive;
        }

        @Override
        public void volumeStarted(int number, int total, HarmonizeJob job, int slices) {
            if (interactive) {
                bar = new ProgressBarBuilder()
                    .setTaskName("[" + number + "/" + total + "] " + job.input().getFileName())
                    .setInitialMax(slices)
                    .setUnit(" slices", 1)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
            }
        }

        @Override
        public void slicesDone(int count) {
            if (bar != null) {
                bar.stepBy(count);
            }
        }

        @Override
        public void volumeFinished(HarmonizeJob job, double seconds) {
            if (bar != null) {
                bar.close();
                bar = null;
            }
            String line = String.format(Locale.ROOT, "%s -> %s (%.1f s)", job.input(), job.output(), seconds);
            out.println(line);
            out.flush();
        }
    }
}
