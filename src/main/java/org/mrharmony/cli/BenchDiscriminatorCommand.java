package org.mrharmony.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mrharmony.data.InputStandard;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.data.StackSampler;
import org.mrharmony.data.TrainingSet;
import org.mrharmony.harmonize.CpuThreads;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.model.Devices;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.train.DecisionCount;
import org.mrharmony.train.DataFits;
import org.mrharmony.train.DiscriminatorProbe;
import org.mrharmony.train.ProbeWindow;
import org.mrharmony.train.TrainConfig;
import org.mrharmony.train.TrainConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mrharmony bench discriminator}: how well a fresh discriminator learns to tell the sites
 * apart when the generator is the identity ({@link DiscriminatorProbe}) — the ceiling of the
 * adversarial signal the generator can get.
 */
@Command(
    name = "discriminator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Can the discriminator tell the sites apart at all? Trains only the discriminator D of fresh networks,",
        "with the generator replaced by the identity: real = a crop under its own site's label, fake = the same",
        "crop under the batch's target site. D's loss, R1 and optimiser are those of 'train' (lr_d, lambda_reg,",
        "network.d_patch and batch from --preset and --config). Every --every steps it prints the mean d_real,",
        "d_fake and R1 and the accuracy of D's decisions (real logit > 0, fake logit < 0; each region of a patch",
        "discriminator counts), on the samples whose target site differs from their source site, and how often",
        "the own site's logit is above the target site's ('order', whatever the signs).",
        "0.5 is chance: a D that stays near it gives the generator no site signal."
    })
public final class BenchDiscriminatorCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR",
        description = "Dataset folder as for 'train': site sub-folders, a synth cohort (its train split), "
            + "or a BIDS dataset (with --site-column).")
    Path data;

    @Option(names = "--site-column", paramLabel = "COLUMN",
        description = "BIDS datasets: the column that names each scan's site (as for 'train').")
    String siteColumn;

    @Mixin
    BidsSelection bidsSelection;

    @Option(names = "--preset", defaultValue = NetworkPresets.DEFAULT, paramLabel = "NAME",
        description = "Network preset: paper, cpu or tiny (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--config", paramLabel = "FILE.json",
        description = "Training settings as for 'train --config' (lr_d, lambda_reg, network.d_patch, batch, ...).")
    Path config;

    @Option(names = "--steps", defaultValue = "1000", paramLabel = "N",
        description = "Discriminator updates (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch", paramLabel = "B", description = "Samples per step (default: the configuration's batch).")
    Integer batch;

    @Option(names = "--seed", paramLabel = "S",
        description = "Seed of initialisation and sampling (default: the configuration's seed).")
    Long seed;

    @Option(names = "--every", defaultValue = "100", paramLabel = "N",
        description = "Steps per reported window (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Mixin
    BenchRuntime runtime;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (steps < 1) {
            throw new UserError("--steps must be at least 1, got " + steps);
        }
        if (every < 1) {
            throw new UserError("--every must be at least 1, got " + every);
        }
        runtime.applyThreads();
        SiteDataset dataset = TrainingData.open(data, siteColumn, bidsSelection);
        if (dataset.sites().size() < 2) {
            throw new UserError(data + ": has " + dataset.sites().size() + " site; telling sites apart needs at least 2");
        }
        TrainConfig cfg = trainConfig(dataset.sites().size());
        // the discriminator learns on what the networks would see in training: with the config's input standard
        InputStandard standard = cfg.standardizes() ? DataFits.fit(cfg, dataset, null, null, !quiet).standard()
            : InputStandard.NONE;
        TrainingSet set = TrainingSet.load(dataset, cfg.slicing(), standard, !quiet);
        StackSampler sampler = new StackSampler(set, cfg.seed(), cfg.network().latentDim());
        long started = System.nanoTime();
        List<ProbeWindow> windows;
        try (StarGanV2 nets = StarGanV2.create(cfg.network(), Devices.parse(cfg.device()), (int) cfg.seed());
             DiscriminatorProbe probe = new DiscriminatorProbe(cfg, nets);
             ProgressBar bar = quiet ? null : progressBar()) {
            windows = probe.run(sampler, steps, every, bar == null ? DiscriminatorProbe.Listener.SILENT : new Listener(bar));
        }
        report(cfg, dataset, windows, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** As {@code train} resolves it: the preset, then --config, then the options given here. */
    private TrainConfig trainConfig(int sites) throws IOException {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (batch != null) {
            overrides.put("batch", batch);
        }
        if (seed != null) {
            overrides.put("seed", seed);
        }
        overrides.put("device", runtime.device);
        return TrainConfigs.resolve(preset, sites, config, overrides);
    }

    private ProgressBar progressBar() {
        return new ProgressBarBuilder().setTaskName("D probe").setInitialMax(steps).setStyle(ProgressBarStyle.ASCII)
            // the current stderr, so that whoever redirects it (a test, a wrapper) gets the bar too
            .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
    }

    /** Advances the bar and shows the last window's figures on it. */
    private record Listener(ProgressBar bar) implements DiscriminatorProbe.Listener {

        @Override
        public void stepDone(long step) {
            bar.stepTo(step);
        }

        @Override
        public void windowDone(ProbeWindow w) {
            bar.setExtraMessage(String.format(Locale.ROOT, " d_real %.3f d_fake %.3f acc %.3f", w.dReal(), w.dFake(),
                w.accuracy()));
        }
    }

    private void report(TrainConfig cfg, SiteDataset dataset, List<ProbeWindow> windows, double seconds) {
        PrintWriter out = spec.commandLine().getOut();
        ProbeWindow last = windows.get(windows.size() - 1);
        if (runtime.json) {
            ObjectNode o = ModelDirectory.JSON.createObjectNode();
            o.put("data", data.toString());
            ArrayNode sites = o.putArray("sites");
            dataset.sites().forEach(sites::add);
            o.put("preset", cfg.preset());
            o.put("batch", cfg.batch());
            o.put("lr_d", cfg.lrD());
            o.put("lambda_reg", cfg.lambdaReg());
            o.put("lambda_cls", cfg.lambdaCls());
            o.put("d_patch", cfg.network().dPatch());
            o.put("seed", cfg.seed());
            o.put("steps", steps);
            o.put("every", every);
            o.put("device", cfg.device());
            o.put("threads", CpuThreads.get());
            o.put("seconds", BenchRuntime.sixDecimals(seconds));
            number(o, "final_accuracy", last.accuracy());
            ArrayNode rows = o.putArray("windows");
            for (ProbeWindow w : windows) {
                ObjectNode r = rows.addObject();
                r.put("step", w.step());
                r.put("steps", w.steps());
                r.put("d_real", BenchRuntime.sixDecimals(w.dReal()));
                r.put("d_fake", BenchRuntime.sixDecimals(w.dFake()));
                r.put("d_reg", BenchRuntime.sixDecimals(w.dReg()));
                number(r, "accuracy", w.accuracy());
                number(r, "real_accuracy", w.decisions().realAccuracy());
                number(r, "fake_accuracy", w.decisions().fakeAccuracy());
                number(r, "order_accuracy", w.decisions().orderAccuracy());
                r.put("decisions", w.decisions().regions());
                r.put("skipped_updates", w.skippedUpdates());
            }
            out.println(o.toPrettyString());
        } else {
            out.printf(Locale.ROOT, "discriminator probe  %d sites %s; preset %s, batch %d, lr_d %s, lambda_reg %s, "
                    + "lambda_cls %s, d_patch %d, seed %d; %d steps in %.1f s%n", dataset.sites().size(), dataset.sites(),
                cfg.preset(), cfg.batch(), cfg.lrD(), cfg.lambdaReg(), cfg.lambdaCls(), cfg.network().dPatch(), cfg.seed(),
                steps, seconds);
            out.printf(Locale.ROOT, "%8s %8s %8s %8s %9s %6s %6s %6s %10s%n", "step", "d_real", "d_fake", "d_reg",
                "accuracy", "real", "fake", "order", "decisions");
            for (ProbeWindow w : windows) {
                DecisionCount c = w.decisions();
                out.printf(Locale.ROOT, "%8d %8.4f %8.4f %8.4f %9.3f %6.3f %6.3f %6.3f %10d%s%n", w.step(), w.dReal(),
                    w.dFake(), w.dReg(), w.accuracy(), c.realAccuracy(), c.fakeAccuracy(), c.orderAccuracy(), c.regions(),
                    w.skippedUpdates() > 0 ? "  (" + w.skippedUpdates() + " updates skipped)" : "");
            }
            out.printf(Locale.ROOT, "final window (steps %d-%d): accuracy %.3f (0.5 = chance)%n",
                last.step() - last.steps() + 1, last.step(), last.accuracy());
        }
        out.flush();
    }

    /** JSON has no NaN: a window with no counted decision gets null. */
    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, BenchRuntime.sixDecimals(v));
        } else {
            o.putNull(key);
        }
    }
}
