package org.mrharmony.train;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mrharmony.data.Batch;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.data.StackSampler;
import org.mrharmony.data.TrainingSet;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.harmonize.SiteInfo;
import org.mrharmony.io.AtomicFiles;
import org.mrharmony.model.Devices;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.model.WarmStart;

/**
 * A whole training run into a model directory: data preparation, the iteration loop with
 * progress bar and loss log, periodic checkpoints, and {@code --resume}.
 *
 * <p>Model directory: {@code model.json} + {@code networks/} (see {@link ModelDirectory}),
 * {@value #CONFIG_FILE} (the {@link TrainConfig}), {@value #OPTIMIZER_FILE} (Adam moments and
 * step), {@value LossLog#FILE} and {@value LossChart#FILE}; with a {@code synth} cohort
 * {@value ValidationLog#FILE} and its charts; {@code samples/step_NNNNNN.png} ({@link SampleGrid}).
 */
public final class TrainingRun {

    public static final String CONFIG_FILE = "config.json";
    public static final String OPTIMIZER_FILE = "optimizer.state";
    /** Written by a run started from another model's weights: which model, what was copied. */
    public static final String WARM_START_FILE = WarmStartRecord.FILE;
    private static final int OPTIMIZER_MAGIC = 0x4d524f50; // "MROP"

    /** What a run reached. */
    public record Result(long step, double seconds, StepLosses last, long skippedUpdates, boolean stoppedByTime) {
    }

    private TrainingRun() {
    }

    public static TrainConfig readConfig(Path modelDir) throws IOException {
        Path file = modelDir.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(modelDir + ": no " + CONFIG_FILE + " to resume from (not a training output folder)");
        }
        try {
            return ModelDirectory.JSON.readValue(file.toFile(), TrainConfig.class);
        } catch (IOException e) {
            throw new IOException(file + ": damaged training configuration: "
                + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * Trains (or resumes) until {@code cfg.steps()} or the time limit; writes a checkpoint every
     * {@code checkpointEvery} steps and at the end.
     */
    public static Result run(TrainConfig cfg, SiteDataset dataset, Path modelDir, boolean resume,
                             Duration timeLimit, boolean progress) throws IOException {
        return run(cfg, dataset, modelDir, resume, null, timeLimit, progress);
    }

    /**
     * As {@link #run(TrainConfig, SiteDataset, Path, boolean, Duration, boolean)}; a new run with
     * {@code initFrom} (a model directory) starts from that model's weights where names and shapes
     * match ({@link WarmStart}, recorded in {@value #WARM_START_FILE}) instead of a fresh
     * initialisation; its optimiser starts fresh at step 0.
     */
    public static Result run(TrainConfig cfg, SiteDataset dataset, Path modelDir, boolean resume, Path initFrom,
                             Duration timeLimit, boolean progress) throws IOException {
        if (resume && initFrom != null) {
            throw new IllegalArgumentException("--resume continues the run in the output folder; it cannot also start "
                + "from another model (" + initFrom + ")");
        }
        long started = System.nanoTime();
        // read first: a bad source must not leave an output folder behind
        ModelInfo source = initFrom == null ? null : ModelDirectory.readInfo(initFrom);
        if (!resume && ModelDirectory.exists(modelDir)) {
            throw new IOException(modelDir + ": already holds a model; use --resume to continue it or choose another --out");
        }
        Files.createDirectories(modelDir);
        Device device = Devices.parse(cfg.device());
        // fitted (or read back) before the volumes are prepared: with an input standard they are prepared on it
        DataFits fits = resume ? DataFits.stored(cfg, modelDir)
            : DataFits.fit(cfg, dataset, source, initFrom, progress);
        TrainingSet data = TrainingSet.load(dataset, cfg.slicing(), fits.standard(), progress);
        if (data.siteCount() != cfg.network().numDomains()) {
            throw new IOException(dataset.root() + ": has " + data.siteCount() + " sites but the networks are built for "
                + cfg.network().numDomains());
        }
        StackSampler sampler = new StackSampler(data, cfg.seed(), cfg.network().latentDim());
        StarGanV2 nets = resume ? ModelDirectory.readNetworks(modelDir, device)
            : StarGanV2.create(cfg.network(), device, (int) cfg.seed());
        if (initFrom != null) {
            warmStart(nets, initFrom, source, dataset, modelDir);
        }
        try (nets; Trainer trainer = new Trainer(cfg, nets)) {
            if (resume) {
                loadOptimizer(modelDir, trainer);
                checkSites(modelDir, dataset);
            } else {
                writeAtomically(modelDir.resolve(CONFIG_FILE), ModelDirectory.JSON.writeValueAsBytes(cfg));
            }
            TrainingMonitor monitor = TrainingMonitor.start(cfg, dataset, modelDir, nets, sampler,
                () -> describe(cfg, data, sampler, trainer, fits), trainer.step());
            StepLosses last = null;
            long skipped = 0;
            boolean stoppedByTime = false;
            try (LossLog log = LossLog.open(modelDir, trainer.step(), StepLosses.names(cfg));
                 ProgressBar bar = progress ? trainingBar(cfg, timeLimit) : null) {
                if (bar != null && timeLimit == null) {
                    bar.stepTo(trainer.step());
                }
                long windowStart = System.nanoTime();
                long windowSteps = 0;
                while (trainer.step() < cfg.steps()) {
                    if (timeLimit != null && System.nanoTime() - started > timeLimit.toNanos()) {
                        stoppedByTime = true;
                        break;
                    }
                    last = trainer.train(sampler.batch(trainer.step(), cfg.batch()),
                        extraDiscriminatorBatches(cfg, sampler, trainer.step()));
                    skipped += last.skippedUpdates();
                    windowSteps++;
                    long step = trainer.step();
                    monitor.afterStep(step, nets);
                    if (step % Math.max(1, cfg.logEvery()) == 0 || step == cfg.steps()) {
                        double secs = (System.nanoTime() - windowStart) / 1e9;
                        double ips = windowSteps * cfg.batch() / Math.max(secs, 1e-9);
                        log.write(last, ips, (System.nanoTime() - started) / 1e9);
                        windowStart = System.nanoTime();
                        windowSteps = 0;
                        if (bar != null) {
                            // the validation score first: a narrow terminal cuts the message's end
                            bar.setExtraMessage(String.format(Locale.ROOT, " step %d%s D %.3f G %.3f cyc %.3f tc %.3f %.1f img/s",
                                step, monitor.lastScore(), last.discriminator(), last.generatorAdversarial(),
                                last.get("g_cyc_lat"), last.get("g_tc_lat"), ips));
                        }
                    }
                    if (bar != null) {
                        bar.stepTo(timeLimit == null ? step
                            : Math.min(timeLimit.toSeconds(), (System.nanoTime() - started) / 1_000_000_000L));
                    }
                    if (cfg.checkpointEvery() > 0 && step % cfg.checkpointEvery() == 0 && step < cfg.steps()) {
                        checkpoint(modelDir, cfg, data, sampler, trainer, fits);
                    }
                }
            }
            checkpoint(modelDir, cfg, data, sampler, trainer, fits);
            return new Result(trainer.step(), (System.nanoTime() - started) / 1e9, last, skipped, stoppedByTime);
        }
    }

    /**
     * With a time budget the bar counts seconds of the budget (the step count it will reach is
     * unknown); without one it counts steps.
     */
    private static ProgressBar trainingBar(TrainConfig cfg, Duration timeLimit) {
        ProgressBarBuilder b = new ProgressBarBuilder().setStyle(ProgressBarStyle.ASCII).continuousUpdate();
        if (timeLimit != null) {
            return b.setTaskName("Training (time budget, s)").setInitialMax(timeLimit.toSeconds()).build();
        }
        return b.setTaskName("Training").setInitialMax(cfg.steps()).build();
    }

    /** The {@code d_steps - 1} extra discriminator batches of a step (draws 1, 2, ... of the sampler). */
    static List<Batch> extraDiscriminatorBatches(TrainConfig cfg, StackSampler sampler, long step) {
        List<Batch> extra = new ArrayList<>();
        for (int draw = 1; draw < cfg.dSteps(); draw++) {
            extra.add(sampler.batch(step, draw, cfg.batch()));
        }
        return extra;
    }

    /**
     * Networks, description (with fresh mean styles and site scales) and optimiser state; then
     * {@value LossChart#FILE} is redrawn.
     */
    static void checkpoint(Path modelDir, TrainConfig cfg, TrainingSet data, StackSampler sampler, Trainer trainer,
                           DataFits fits) throws IOException {
        // optimiser state first, model.json last: model.json's step is what --resume trusts, and
        // loadOptimizer refuses a state whose step differs, so a crash mid-checkpoint is detected
        saveOptimizer(modelDir, trainer);
        ModelDirectory.write(modelDir, describe(cfg, data, sampler, trainer, fits), trainer.networks());
        LossChart.write(modelDir);
    }

    /**
     * The model's description as it is now: sites, intensity scales, mean styles of the EMA
     * networks, baselines, input standard.
     */
    static ModelInfo describe(TrainConfig cfg, TrainingSet data, StackSampler sampler, Trainer trainer,
                              DataFits fits) {
        StarGanV2 nets = trainer.networks();
        float[][] styles = MeanStyles.compute(nets, data, sampler, MeanStyles.DEFAULT_SAMPLES);
        List<SiteInfo> sites = new ArrayList<>();
        for (int i = 0; i < data.siteCount(); i++) {
            sites.add(new SiteInfo(data.sites().get(i), i, data.siteIntensity(i), styles[i],
                fits.baselines().get(i)));
        }
        JsonNode training = ModelDirectory.JSON.valueToTree(cfg);
        String version = TrainingRun.class.getPackage().getImplementationVersion();
        return new ModelInfo(ModelDirectory.FORMAT_VERSION, version == null ? "dev" : version, sites,
            cfg.slicing().axis(), cfg.slicing().channels(), cfg.slicing().clipPercentile(), trainer.step(), training,
            fits.inputStandard());
    }

    /**
     * Copies {@code initFrom}'s matching weights into the new networks and records what was taken.
     * The sites must be the same, in the same order: each site has its own heads in M, E and D.
     */
    private static void warmStart(StarGanV2 nets, Path initFrom, ModelInfo source, SiteDataset dataset,
                                  Path modelDir) throws IOException {
        if (!source.siteNames().equals(dataset.sites())) {
            nets.close();
            throw new IOException(initFrom + ": its sites " + source.siteNames() + " differ from the data's "
                + dataset.sites() + "; a warm start needs the same sites in the same order");
        }
        WarmStart copied;
        try (StarGanV2 from = ModelDirectory.readNetworks(initFrom, nets.device())) {
            copied = WarmStart.copy(from, nets);
        } catch (IOException | RuntimeException e) {
            nets.close();
            throw e;
        }
        System.err.println("mrharmony train: warm start from " + initFrom + " (step " + source.step() + "): "
            + copied.summary());
        WarmStartRecord.of(initFrom, source.step(), copied).write(modelDir);
    }

    private static void saveOptimizer(Path modelDir, Trainer trainer) throws IOException {
        AtomicFiles.write(modelDir.resolve(OPTIMIZER_FILE), stream -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
            out.writeInt(OPTIMIZER_MAGIC);
            trainer.saveState(out);
            out.flush();
        });
    }

    private static void loadOptimizer(Path modelDir, Trainer trainer) throws IOException {
        Path file = modelDir.resolve(OPTIMIZER_FILE);
        ModelInfo info = ModelDirectory.readInfo(modelDir);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != OPTIMIZER_MAGIC) {
                throw new IOException(file + ": not an mrharmony optimiser state");
            }
            trainer.loadState(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": missing; cannot resume (was the model trained by mrharmony train?)");
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": truncated optimiser state");
        }
        if (trainer.step() != info.step()) {
            throw new IOException(file + ": optimiser state is at step " + trainer.step() + " but model.json at "
                + info.step() + " (interrupted checkpoint?)");
        }
    }

    private static void checkSites(Path modelDir, SiteDataset dataset) throws IOException {
        List<String> trained = ModelDirectory.readInfo(modelDir).siteNames();
        if (!trained.equals(dataset.sites())) {
            throw new IOException(dataset.root() + ": sites " + dataset.sites() + " differ from the model's " + trained);
        }
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        AtomicFiles.writeBytes(target, bytes);
    }
}
