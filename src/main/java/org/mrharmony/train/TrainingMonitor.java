package org.mrharmony.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.data.StackSampler;
import org.mrharmony.harmonize.HarmonizeMethod;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.model.StarGanV2;

/**
 * What a training run shows of itself besides the losses: the validation curve on held-out
 * travelling subjects ({@link Validation}, {@link ValidationLog}) every {@code validate_every}
 * steps and the sample grid ({@link SampleGrid}) every {@code sample_every} steps. It only reads
 * the networks, so the training is the same with or without it.
 */
final class TrainingMonitor {

    private final TrainConfig cfg;
    private final Path modelDir;
    private final Supplier<ModelInfo> describe;
    private final Validation validation;
    private final ValidationLog validationLog;
    private final SampleGrid samples;
    private String lastScore = "";

    private TrainingMonitor(TrainConfig cfg, Path modelDir, Supplier<ModelInfo> describe, Validation validation,
                            ValidationLog validationLog, SampleGrid samples) {
        this.cfg = cfg;
        this.modelDir = modelDir;
        this.describe = describe;
        this.validation = validation;
        this.validationLog = validationLog;
        this.samples = samples;
    }

    /**
     * @param describe   the model's description as it is now (sites, intensity scales, fresh mean styles)
     * @param resumeStep the step training continues from (0 for a new run): later validation rows are dropped
     */
    static TrainingMonitor start(TrainConfig cfg, SiteDataset dataset, Path modelDir, StarGanV2 nets,
                                 StackSampler sampler, Supplier<ModelInfo> describe, long resumeStep)
            throws IOException {
        Optional<Validation> validation = Validation.prepare(cfg, dataset, modelDir, describe.get(), nets);
        ValidationLog log = validation.isPresent()
            ? ValidationLog.open(modelDir, resumeStep, "central " + cfg.validateSlices() + " slices") : null;
        SampleGrid samples = cfg.sampleEvery() > 0
            ? new SampleGrid(dataset.sites(), sampler, cfg.slicing().channels(), cfg.slicing().patch(),
                cfg.network().latentDim(), cfg.seed())
            : null;
        return new TrainingMonitor(cfg, modelDir, describe, validation.orElse(null), log, samples);
    }

    boolean validates() {
        return validation != null;
    }

    /** Validates and/or writes a sample grid when {@code step} is due. */
    void afterStep(long step, StarGanV2 nets) throws IOException {
        if (samples != null && step % cfg.sampleEvery() == 0) {
            samples.write(modelDir, step, nets);
        }
        if (validation != null && step % cfg.validateEvery() == 0) {
            List<ValidationLog.Row> rows = validation.run(step, describe.get(), nets);
            validationLog.append(rows);
            lastScore = String.format(Locale.ROOT, " val SSIM %.3f (none %.3f nyul %.3f)",
                meanSsim(rows, HarmonizeMethod.GAN), meanSsim(rows, HarmonizeMethod.NONE),
                meanSsim(rows, HarmonizeMethod.NYUL));
        }
    }

    /** The last validation's mean SSIMs, for the progress bar; empty before the first. */
    String lastScore() {
        return lastScore;
    }

    private static double meanSsim(List<ValidationLog.Row> rows, HarmonizeMethod method) {
        return rows.stream().filter(r -> r.method().equals(method.id())).mapToDouble(ValidationLog.Row::ssim)
            .average().orElse(Double.NaN);
    }
}
