package org.mrharmony.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mrharmony.data.SlicingConfig;
import org.mrharmony.harmonize.CpuThreads;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.model.Devices;
import org.mrharmony.model.NetworkConfig;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.train.ConvolutionThroughput;
import org.mrharmony.train.IterationFlops;
import org.mrharmony.train.StepLosses;
import org.mrharmony.train.SyntheticBatches;
import org.mrharmony.train.TrainConfig;
import org.mrharmony.train.TrainConfigs;
import org.mrharmony.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mrharmony bench train}: times training iterations on random batches of the right
 * shapes (no data needed: the work does not depend on the values) and states the speed as a
 * fraction of what the engine achieves on one large convolution in the same process.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Time training iterations on random batches: seconds per iteration, images/s,",
        "FLOPs per iteration, achieved GFLOP/s, the GFLOP/s of one large convolution in",
        "the same process, their ratio (model FLOP utilisation) and peak RSS.",
        "--reference-step: plain StarGAN v2 iterations (no temporal coherence loss)."
    })
public final class BenchTrainCommand implements Callable<Integer> {

    /** The reference convolution: 3x3, batch 8, 128 -> 128 channels at 64x64, forward + backward. */
    static final int CONV_BATCH = 8;
    static final int CONV_CHANNELS = 128;

    @Option(names = "--preset", defaultValue = NetworkPresets.DEFAULT, paramLabel = "NAME",
        description = "Network preset: paper, cpu or tiny (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--img", paramLabel = "N", description = "Patch size override (power of two >= 16); "
        + "with paper, widths follow the original's rule dim_in = 2^14 / N.")
    Integer imgSize;

    @Option(names = "--max-conv-dim", paramLabel = "N", description = "Channel cap override.")
    Integer maxConvDim;

    @Option(names = "--batch", paramLabel = "B", description = "Samples per iteration (default: the preset's training default).")
    Integer batch;

    @Option(names = "--sites", defaultValue = "4", paramLabel = "K", description = "Number of sites (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--steps", defaultValue = "10", paramLabel = "S", description = "Timed iterations (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "W",
        description = "Untimed iterations first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--reference-step",
        description = "Plain StarGAN v2 iterations as the original code: no temporal coherence loss (lambda_tc = 0, "
            + "its extra generator pass skipped).")
    boolean referenceStep;

    @Option(names = "--conv-repeat", defaultValue = "5", paramLabel = "N",
        description = "Timed repetitions of the reference convolution (default: ${DEFAULT-VALUE}).")
    int convRepeat;

    @Option(names = "--conv-size", defaultValue = "64", paramLabel = "N",
        description = "Height and width of the reference convolution's input (default: ${DEFAULT-VALUE}).")
    int convSize;

    @Option(names = "--rss-every", paramLabel = "N",
        description = "Print the resident memory every N timed steps (to stderr; kept in the report).")
    Integer rssEvery;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Mixin
    BenchRuntime runtime;

    @Spec
    CommandSpec spec;

    /** Resident memory after a timed step. */
    record RssSample(int step, double mb) {
    }

    @Override
    public Integer call() throws IOException {
        if (steps < 1) {
            throw new UserError("--steps must be at least 1, got " + steps);
        }
        if (warmup < 0) {
            throw new UserError("--warmup must not be negative, got " + warmup);
        }
        if (sites < 1) {
            throw new UserError("--sites must be at least 1, got " + sites);
        }
        if (convRepeat < 1 || convSize < 1) {
            throw new UserError("--conv-repeat and --conv-size must be at least 1");
        }
        if (rssEvery != null && rssEvery < 1) {
            throw new UserError("--rss-every must be at least 1, got " + rssEvery);
        }
        runtime.applyThreads();
        TrainConfig cfg = trainConfig();
        IterationFlops flops = IterationFlops.of(cfg.network(), cfg.batch(), cfg.lambdaTc() != 0f);
        ConvolutionThroughput.Result conv = ConvolutionThroughput.measure(Devices.parse(runtime.device), CONV_BATCH,
            CONV_CHANNELS, convSize, convRepeat);
        double[] seconds = new double[steps];
        List<RssSample> rss = new ArrayList<>();
        int skipped = 0;
        long cpu0;
        try (StarGanV2 nets = StarGanV2.create(cfg.network(), Devices.parse(runtime.device), seed);
             Trainer trainer = new Trainer(cfg, nets)) {
            SyntheticBatches batches = new SyntheticBatches(cfg, seed);
            for (int i = 0; i < warmup; i++) {
                trainer.train(batches.next());
            }
            cpu0 = BenchHarmonizeCommand.processCpuNanos();
            for (int i = 0; i < steps; i++) {
                var batch = batches.next();
                long t0 = System.nanoTime();
                StepLosses losses = trainer.train(batch);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                skipped += losses.skippedUpdates();
                if (rssEvery != null && (i + 1) % rssEvery == 0) {
                    sampleRss(i + 1, rss);
                }
            }
        }
        double cpuSeconds = (BenchHarmonizeCommand.processCpuNanos() - cpu0) / 1e9;
        report(cfg, flops, conv, seconds, cpuSeconds, skipped, rss);
        return 0;
    }

    private void sampleRss(int step, List<RssSample> rss) {
        Optional<Double> mb = ProcessMemory.rssMb();
        if (mb.isPresent()) {
            rss.add(new RssSample(step, mb.get()));
            System.err.printf(Locale.ROOT, "step %d rss %.0f MB%n", step, mb.get());
        }
    }

    /** The preset's training defaults with the benchmark's sizes and, for a reference step, no coherence loss. */
    private TrainConfig trainConfig() throws IOException {
        NetworkConfig net = NetworkPresets.resized(preset, sites, imgSize, maxConvDim);
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("network", net);
        overrides.put("slicing", SlicingConfig.defaults(net.inChannels(), net.imgSize()));
        overrides.put("batch", batch != null ? batch : TrainConfig.defaultBatch(preset));
        overrides.put("seed", seed);
        overrides.put("device", runtime.device);
        if (referenceStep) {
            overrides.put("lambda_tc", 0f);
        }
        return TrainConfigs.resolve(preset, sites, null, overrides);
    }

    private void report(TrainConfig cfg, IterationFlops flops, ConvolutionThroughput.Result conv, double[] seconds,
                        double cpuSeconds, int skipped, List<RssSample> rss) {
        NetworkConfig n = cfg.network();
        double mean = Arrays.stream(seconds).average().orElseThrow();
        double best = Arrays.stream(seconds).min().orElseThrow();
        double imagesPerSecond = cfg.batch() / mean;
        double gflopsPerIteration = flops.total() / 1e9;
        double achieved = gflopsPerIteration / mean;
        double mfu = achieved / conv.bestGflops();
        Optional<Double> peak = ProcessMemory.peakRssMb();
        PrintWriter out = spec.commandLine().getOut();
        if (runtime.json) {
            ObjectNode o = ModelDirectory.JSON.createObjectNode();
            o.put("preset", preset);
            o.put("img_size", n.imgSize());
            o.put("dim_in", n.dimIn());
            o.put("max_conv_dim", n.maxConvDim());
            o.put("mapping_hidden", n.mappingHidden());
            o.put("sites", n.numDomains());
            o.put("batch", cfg.batch());
            o.put("reference_step", referenceStep);
            o.put("device", runtime.device);
            o.put("processors", Runtime.getRuntime().availableProcessors());
            o.put("threads", CpuThreads.get());
            o.put("warmup", warmup);
            o.put("steps", steps);
            o.put("seconds_per_iteration", BenchRuntime.sixDecimals(mean));
            o.put("seconds_per_iteration_best", BenchRuntime.sixDecimals(best));
            o.put("cpu_seconds_per_iteration", BenchRuntime.sixDecimals(cpuSeconds / steps));
            o.put("images_per_second", BenchRuntime.sixDecimals(imagesPerSecond));
            o.put("flops_per_iteration", flops.total());
            o.put("achieved_gflops", BenchRuntime.sixDecimals(achieved));
            ObjectNode c = o.putObject("reference_convolution");
            c.put("shape", String.format(Locale.ROOT, "3x3 conv, batch %d, %d->%d channels, %dx%d, forward+backward",
                conv.batch(), conv.channels(), conv.channels(), conv.size(), conv.size()));
            c.put("flops", conv.flopsPerRepetition());
            c.put("best_gflops", BenchRuntime.sixDecimals(conv.bestGflops()));
            c.put("median_gflops", BenchRuntime.sixDecimals(conv.medianGflops()));
            o.put("mfu", BenchRuntime.sixDecimals(mfu));
            o.put("skipped_updates", skipped);
            if (peak.isPresent()) {
                o.put("peak_rss_mb", BenchRuntime.sixDecimals(peak.get()));
            } else {
                o.putNull("peak_rss_mb");
            }
            ArrayNode t = o.putArray("seconds");
            Arrays.stream(seconds).forEach(s -> t.add(BenchRuntime.sixDecimals(s)));
            ArrayNode r = o.putArray("rss_mb");
            rss.forEach(s -> r.addObject().put("step", s.step()).put("rss_mb", BenchRuntime.sixDecimals(s.mb())));
            out.println(o.toPrettyString());
        } else {
            out.printf(Locale.ROOT, "network            %s: img_size %d, dim_in %d, max_conv_dim %d, %d sites; batch %d%s%n",
                preset, n.imgSize(), n.dimIn(), n.maxConvDim(), n.numDomains(), cfg.batch(),
                referenceStep ? "; reference step (no coherence loss)" : "");
            out.printf(Locale.ROOT, "machine            %s, %d threads, %d processors%n", runtime.device, CpuThreads.get(),
                Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "iterations         %d timed after %d warm-up%n", steps, warmup);
            out.printf(Locale.ROOT, "s per iteration    %.3f (best %.3f; %.2f CPU s)%n", mean, best, cpuSeconds / steps);
            out.printf(Locale.ROOT, "images per second  %.2f%n", imagesPerSecond);
            out.printf(Locale.ROOT, "FLOPs / iteration  %.3f GFLOP (G %d, M %d, E %d, D %d forward units)%n",
                gflopsPerIteration, flops.units(IterationFlops.Network.G), flops.units(IterationFlops.Network.M),
                flops.units(IterationFlops.Network.E), flops.units(IterationFlops.Network.D));
            out.printf(Locale.ROOT, "achieved           %.2f GFLOP/s%n", achieved);
            out.printf(Locale.ROOT, "large convolution  %.2f GFLOP/s (best of %d; median %.2f; 3x3, batch %d, %d->%d, %dx%d, "
                + "fwd+bwd)%n", conv.bestGflops(), conv.seconds().length, conv.medianGflops(), conv.batch(),
                conv.channels(), conv.channels(), conv.size(), conv.size());
            out.printf(Locale.ROOT, "utilisation (MFU)  %.1f %%%n", 100 * mfu);
            if (skipped > 0) {
                out.printf(Locale.ROOT, "skipped updates    %d (non-finite gradients)%n", skipped);
            }
            for (RssSample s : rss) {
                out.printf(Locale.ROOT, "RSS at step %-6d %.0f MB%n", s.step(), s.mb());
            }
            out.printf(Locale.ROOT, "peak RSS           %s%n", peak.map(v -> String.format(Locale.ROOT, "%.0f MB", v))
                .orElse("unknown (no /proc/self/status)"));
        }
        out.flush();
    }
}
