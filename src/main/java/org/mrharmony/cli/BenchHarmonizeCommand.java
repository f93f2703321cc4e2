package org.mrharmony.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mrharmony.data.IntensityNormalization;
import org.mrharmony.data.IntensityStats;
import org.mrharmony.eval.NyulNormalizer;
import org.mrharmony.harmonize.CpuThreads;
import org.mrharmony.harmonize.HarmonizeMethod;
import org.mrharmony.harmonize.HarmonizeOptions;
import org.mrharmony.harmonize.Harmonizer;
import org.mrharmony.harmonize.InputCheck;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.harmonize.Restack;
import org.mrharmony.harmonize.SiteBaselines;
import org.mrharmony.harmonize.SiteInfo;
import org.mrharmony.harmonize.StyleSource;
import org.mrharmony.io.FileTrees;
import org.mrharmony.model.Devices;
import org.mrharmony.model.NetworkConfig;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.volume.CropPad;
import org.mrharmony.volume.IndexBox;
import org.mrharmony.volume.LoadedVolume;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mrharmony bench harmonize}: times the whole per-volume pipeline of {@code harmonize}
 * (read, harmonize with the GAN, write to a temporary folder) and reports the process's peak
 * resident memory.
 */
@Command(
    name = "harmonize",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Time harmonizing one volume with the GAN: seconds per volume, slices per second, peak RSS.",
        "The first run includes the engine's warm-up; use --repeat to see the steady state."
    })
public final class BenchHarmonizeCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL_DIR", description = "Model directory.")
    Path model;

    @Option(names = "--untrained", paramLabel = "PRESET",
        description = "Instead of --model: an untrained model of this network preset (tiny, cpu, paper); "
            + "speed does not depend on training.")
    String untrained;

    @Option(names = "--resize", paramLabel = "NXxNYxNZ",
        description = "Crop or pad the input (centred, zero fill) to this size first, e.g. 182x218x182.")
    String resize;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "A 3D NIfTI volume.")
    Path input;

    @Option(names = "--target", paramLabel = "SITE", description = "Target site (default: the model's first site).")
    String target;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N", description = "Runs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--batch", defaultValue = "" + HarmonizeOptions.DEFAULT_BATCH, paramLabel = "N",
        description = "Slice stacks per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--restack", defaultValue = "mean", paramLabel = "MODE", description = "center or mean (default: ${DEFAULT-VALUE}).")
    String restack;

    @Mixin
    BenchRuntime runtime;

    @Spec
    CommandSpec spec;

    /** Seconds of each stage of one run, and the CPU seconds the whole process used in it (all threads). */
    record Run(double read, double harmonize, double write, double cpu) {
        double total() {
            return read + harmonize + write;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (repeat < 1) {
            throw new UserError("--repeat must be at least 1, got " + repeat);
        }
        if ((model == null) == (untrained == null)) {
            throw new UserError("give one of --model MODEL_DIR or --untrained PRESET");
        }
        InputCheck.check(input, null);
        runtime.applyThreads();
        Path tmp = Files.createTempDirectory("mrharmony-bench");
        try {
            Path modelDir = model != null ? model : writeUntrained(tmp.resolve("model"), untrained);
            Path volume = resize == null ? input : resized(tmp.resolve("input.nii.gz"));
            String site = target != null ? target : firstSite(modelDir);
            HarmonizeOptions options = new HarmonizeOptions(site, HarmonizeMethod.GAN, new StyleSource.Mean(),
                Restack.fromId(restack), batch, Devices.parse(runtime.device));
            measure(modelDir, volume, options, tmp.resolve("output.nii.gz"));
        } finally {
            FileTrees.delete(tmp);
        }
        return 0;
    }

    private void measure(Path modelDir, Path volume, HarmonizeOptions options, Path output) throws IOException {
        long loadStart = System.nanoTime();
        try (Harmonizer harmonizer = Harmonizer.open(modelDir, options)) {
            double load = (System.nanoTime() - loadStart) / 1e9;
            List<Run> runs = new ArrayList<>();
            int[] dims = null;
            int slices = 0;
            for (int i = 0; i < repeat; i++) {
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                LoadedVolume loaded = VolumeIO.read(volume);
                long t1 = System.nanoTime();
                Volume out = harmonizer.harmonize(loaded.volume(), n -> { });
                long t2 = System.nanoTime();
                VolumeIO.write(output, out, loaded.header());
                long t3 = System.nanoTime();
                runs.add(new Run((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (processCpuNanos() - cpu0) / 1e9));
                dims = loaded.volume().dims();
                slices = harmonizer.sliceCount(loaded.volume().grid());
            }
            report(load, runs, slices, dims, harmonizer.model().networks().config());
        }
    }

    /** The input cropped or padded (centred, zeros) to {@code --resize}, written to {@code file}. */
    private Path resized(Path file) throws IOException {
        String[] parts = resize.toLowerCase(Locale.ROOT).split("x");
        int[] size = new int[3];
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            for (int a = 0; a < 3; a++) {
                size[a] = Integer.parseInt(parts[a]);
            }
        } catch (NumberFormatException e) {
            throw new UserError("--resize takes NXxNYxNZ, e.g. 182x218x182, got " + resize);
        }
        Volume v = VolumeIO.read(input).volume();
        int[] offset = new int[3];
        for (int a = 0; a < 3; a++) {
            offset[a] = Math.floorDiv(v.dim(a) - size[a], 2);
        }
        VolumeIO.write(file, CropPad.extract(v, new IndexBox(offset, size), 0f));
        return file;
    }

    /**
     * Made-up but well-formed baseline fits (landmarks rising linearly with the percentile): the
     * default landmark intensity map then runs as it does for a trained model. The bench times
     * the work, which does not depend on the values.
     */
    private static SiteBaselines syntheticBaselines() {
        double[] ps = NyulNormalizer.DEFAULT_PERCENTILES;
        double[] scale = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            scale[i] = 100 + 14 * ps[i];
        }
        return new SiteBaselines(1, new SiteBaselines.MeanSd(600, 300), new SiteBaselines.WhiteStripeFit(0.05, 900, 30),
            new SiteBaselines.NyulFit(ps, scale));
    }

    /** A model directory with untrained networks of a preset and two sites (mean styles from M). */
    static Path writeUntrained(Path dir, String preset) throws IOException {
        NetworkConfig config = NetworkPresets.named(preset, 2);
        try (StarGanV2 nets = StarGanV2.create(config, Device.cpu(), 0)) {
            List<SiteInfo> sites = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                float[] style;
                try (NDManager m = nets.manager().newSubManager()) {
                    NDArray z = m.randomNormal(new Shape(1, config.latentDim()));
                    style = nets.mappingNetworkEma().style(new ParameterStore(m, false), z, m.create(new int[] {k}), false)
                        .toFloatArray();
                }
                sites.add(new SiteInfo("site" + k, k, new IntensityStats(300, 900), style, syntheticBaselines()));
            }
            ModelInfo info = new ModelInfo(ModelDirectory.FORMAT_VERSION, VersionProvider.version(), sites, 2,
                config.inChannels(), IntensityNormalization.DEFAULT_CLIP_PERCENTILE, 0, null);
            ModelDirectory.write(dir, info, nets);
        }
        return dir;
    }

    private static String firstSite(Path modelDir) throws IOException {
        return ModelDirectory.readInfo(modelDir).sites().stream()
            .min(Comparator.comparingInt(SiteInfo::index))
            .orElseThrow().name();
    }

    private void report(double load, List<Run> runs, int slices, int[] dims, NetworkConfig config) {
        double mean = runs.stream().mapToDouble(Run::total).average().orElseThrow();
        double best = runs.stream().mapToDouble(Run::total).min().orElseThrow();
        double harmonizeMean = runs.stream().mapToDouble(Run::harmonize).average().orElseThrow();
        double cpuMean = runs.stream().mapToDouble(Run::cpu).average().orElseThrow();
        Optional<Double> rss = ProcessMemory.peakRssMb();
        PrintWriter out = spec.commandLine().getOut();
        if (runtime.json) {
            ObjectNode o = ModelDirectory.JSON.createObjectNode();
            o.put("input", input.toString());
            ArrayNode d = o.putArray("dims");
            Arrays.stream(dims).forEach(d::add);
            o.put("slices", slices);
            o.put("img_size", config.imgSize());
            o.put("dim_in", config.dimIn());
            o.put("max_conv_dim", config.maxConvDim());
            o.put("batch", batch);
            o.put("restack", restack);
            o.put("device", runtime.device);
            o.put("processors", Runtime.getRuntime().availableProcessors());
            o.put("threads", CpuThreads.get());
            o.put("model_load_seconds", round(load));
            o.put("seconds_per_volume", round(mean));
            o.put("seconds_per_volume_best", round(best));
            o.put("slices_per_second", round(slices / harmonizeMean));
            o.put("cpu_seconds_per_volume", round(cpuMean));
            if (rss.isPresent()) {
                o.put("peak_rss_mb", round(rss.get()));
            } else {
                o.putNull("peak_rss_mb");
            }
            ArrayNode r = o.putArray("runs");
            for (Run run : runs) {
                r.addObject().put("read_seconds", round(run.read())).put("harmonize_seconds", round(run.harmonize()))
                    .put("write_seconds", round(run.write())).put("seconds", round(run.total()))
                    .put("cpu_seconds", round(run.cpu()));
            }
            out.println(o.toPrettyString());
        } else {
            out.printf(Locale.ROOT, "input              %s (%dx%dx%d, %d slices)%n", input, dims[0], dims[1], dims[2], slices);
            out.printf(Locale.ROOT, "network            img_size %d, dim_in %d, max_conv_dim %d; batch %d, %s, %d threads, "
                + "%d processors%n", config.imgSize(), config.dimIn(), config.maxConvDim(), batch, runtime.device, CpuThreads.get(),
                Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "model load         %.2f s%n", load);
            for (int i = 0; i < runs.size(); i++) {
                Run run = runs.get(i);
                out.printf(Locale.ROOT, "run %-3d            %.2f s (read %.2f, harmonize %.2f, write %.2f; %.1f CPU s)%n",
                    i + 1, run.total(), run.read(), run.harmonize(), run.write(), run.cpu());
            }
            out.printf(Locale.ROOT, "seconds per volume %.2f (best %.2f)%n", mean, best);
            out.printf(Locale.ROOT, "slices per second  %.2f%n", slices / harmonizeMean);
            out.printf(Locale.ROOT, "CPU s per volume   %.1f%n", cpuMean);
            out.printf(Locale.ROOT, "peak RSS           %s%n", rss.map(v -> String.format(Locale.ROOT, "%.0f MB", v))
                .orElse("unknown (no /proc/self/status)"));
        }
        out.flush();
    }

    /**
     * CPU time of the whole process, native threads included (the JVM reads it from the OS), so
     * that a run on a busy shared machine can still be judged: CPU seconds / cores is what the
     * run would take with the cores to itself.
     */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
