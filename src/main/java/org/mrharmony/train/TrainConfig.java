package org.mrharmony.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.mrharmony.data.SlicingConfig;
import org.mrharmony.model.NetworkConfig;
import org.mrharmony.model.NetworkPresets;

/**
 * Every hyper-parameter of a training run, saved as {@code config.json} beside the model so a
 * run can be reproduced or resumed. Defaults follow StarGAN v2 and METHOD.md.
 *
 * @param preset          network preset name the networks came from (informative)
 * @param network         the networks' configuration
 * @param slicing         how volumes become 2.5D samples (patch = network img_size)
 * @param steps           total training iterations
 * @param batch           samples per iteration
 * @param seed            seed of initialisation and sampling
 * @param lr              Adam learning rate of G, E, D
 * @param lrMapping       Adam learning rate of M
 * @param lrD             Adam learning rate of D (null, as in a config.json written before the key
 *                        existed: {@code lr}, the original's choice); a faster discriminator than
 *                        generator is the two time-scale rule of Heusel et al. (2017)
 * @param beta1           Adam beta1
 * @param beta2           Adam beta2
 * @param weightDecay     Adam L2 weight decay
 * @param emaBeta         EMA decay of G, M, E
 * @param emaWarmupSteps  EMA copies follow the live weights exactly for the first N steps
 * @param lambdaStarGan   λ1: weight of all StarGAN v2 losses (the talk: 1.0)
 * @param lambdaTc        λ2: weight of the temporal coherence loss (the talk: 0.5); 0 switches the loss
 *                        off (not computed, logged as 0): plain StarGAN v2
 * @param tcForm          {@code overlap} (ours, default) or {@code difference}
 * @param lambdaReg       R1 weight γ
 * @param lambdaSty       style reconstruction weight
 * @param lambdaDs        initial style diversification weight (decays linearly to 0)
 * @param dsDecaySteps    steps over which λ_ds decays (0 = the whole run)
 * @param lambdaCyc       cycle consistency weight
 * @param lambdaCls       weight of the site classification over D's heads ({@link
 *                        Losses#siteCrossEntropy}): D classifies real images as their site, G's
 *                        translations are to be classified as the target site. 0 (the default,
 *                        and null in an older config.json) = off, StarGAN v2 as published
 * @param standardize     {@code none} (the default, and null in an older config.json): scans go into the
 *                        network normalisation as they are; {@code nyul}: every scan (training,
 *                        validation, harmonizing) is first mapped onto one Nyúl–Udupa standard scale
 *                        pooled over all sites' training volumes and stored with the model
 *                        ({@code input_standard}), so the GAN learns what histogram matching leaves
 * @param logEvery        steps between CSV/log lines
 * @param sampleEvery     steps between sample-grid PNGs (0 = never)
 * @param checkpointEvery steps between checkpoints (0 = only at the end)
 * @param validateEvery   steps between validations on held-out volumes (0 = never; needs a
 *                        {@code synth} cohort with a test split, see {@link Validation})
 * @param validateSubjects held-out subjects scored at each validation (null in an older
 *                        config.json: {@value #DEFAULT_VALIDATE_SUBJECTS})
 * @param validateSlices  slices of the central slab translated per held-out scan (null in an
 *                        older config.json: {@value #DEFAULT_VALIDATE_SLICES})
 * @param device          {@code cpu}, {@code gpu} or {@code gpuN}
 */
public record TrainConfig(
        @JsonProperty("preset") String preset,
        @JsonProperty("network") NetworkConfig network,
        @JsonProperty("slicing") SlicingConfig slicing,
        @JsonProperty("steps") long steps,
        @JsonProperty("batch") int batch,
        @JsonProperty("seed") long seed,
        @JsonProperty("lr") float lr,
        @JsonProperty("lr_mapping") float lrMapping,
        @JsonProperty("lr_d") Float lrD,
        @JsonProperty("d_steps") Integer dSteps,
        @JsonProperty("beta1") float beta1,
        @JsonProperty("beta2") float beta2,
        @JsonProperty("weight_decay") float weightDecay,
        @JsonProperty("ema_beta") float emaBeta,
        @JsonProperty("ema_warmup_steps") long emaWarmupSteps,
        @JsonProperty("lambda_stargan") float lambdaStarGan,
        @JsonProperty("lambda_tc") float lambdaTc,
        @JsonProperty("tc_form") String tcForm,
        @JsonProperty("lambda_reg") float lambdaReg,
        @JsonProperty("lambda_sty") float lambdaSty,
        @JsonProperty("lambda_ds") float lambdaDs,
        @JsonProperty("ds_decay_steps") long dsDecaySteps,
        @JsonProperty("lambda_cyc") float lambdaCyc,
        @JsonProperty("lambda_cls") Float lambdaCls,
        @JsonProperty("standardize") String standardize,
        @JsonProperty("log_every") int logEvery,
        @JsonProperty("sample_every") int sampleEvery,
        @JsonProperty("checkpoint_every") int checkpointEvery,
        @JsonProperty("validate_every") int validateEvery,
        @JsonProperty("validate_subjects") Integer validateSubjects,
        @JsonProperty("validate_slices") Integer validateSlices,
        @JsonProperty("device") String device) {

    public static final String OVERLAP = "overlap";
    public static final String DIFFERENCE = "difference";
    /** {@code standardize}: scans as they are. */
    public static final String STANDARDIZE_NONE = "none";
    /** {@code standardize}: scans on the pooled Nyúl–Udupa scale. */
    public static final String STANDARDIZE_NYUL = "nyul";
    public static final int DEFAULT_VALIDATE_SUBJECTS = 2;
    public static final int DEFAULT_VALIDATE_SLICES = 16;

    public TrainConfig {
        // a config.json written before these keys existed still resumes
        validateSubjects = validateSubjects == null ? DEFAULT_VALIDATE_SUBJECTS : validateSubjects;
        validateSlices = validateSlices == null ? DEFAULT_VALIDATE_SLICES : validateSlices;
        lrD = lrD == null ? lr : lrD;
        dSteps = dSteps == null ? 1 : dSteps;
        lambdaCls = lambdaCls == null ? 0f : lambdaCls;
        standardize = standardize == null ? STANDARDIZE_NONE : standardize;
        if (!STANDARDIZE_NONE.equals(standardize) && !STANDARDIZE_NYUL.equals(standardize)) {
            throw new IllegalArgumentException("standardize must be 'none' or 'nyul', got '" + standardize + "'");
        }
        if (!(lambdaCls >= 0)) {
            throw new IllegalArgumentException("lambda_cls must not be negative, got " + lambdaCls);
        }
        if (dSteps < 1) {
            throw new IllegalArgumentException("d_steps must be at least 1, got " + dSteps);
        }
        if (!(lr > 0) || !(lrMapping >= 0) || !(lrD > 0)) {
            throw new IllegalArgumentException("lr and lr_d must be positive and lr_mapping not negative; got " + lr
                + ", " + lrD + ", " + lrMapping);
        }
        if (validateEvery < 0 || sampleEvery < 0 || validateSubjects < 1 || validateSlices < 1) {
            throw new IllegalArgumentException("validate_every and sample_every must be >= 0, validate_subjects and "
                + "validate_slices >= 1; got " + validateEvery + ", " + sampleEvery + ", " + validateSubjects + ", "
                + validateSlices);
        }
        if (!OVERLAP.equals(tcForm) && !DIFFERENCE.equals(tcForm)) {
            throw new IllegalArgumentException("tc_form must be 'overlap' or 'difference', got '" + tcForm + "'");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, got " + steps);
        }
        if (slicing.channels() != network.inChannels()) {
            throw new IllegalArgumentException("stack depth " + slicing.channels() + " differs from the networks' "
                + network.inChannels() + " input channels");
        }
        if (slicing.patch() != network.imgSize()) {
            throw new IllegalArgumentException("patch " + slicing.patch() + " differs from the networks' img_size "
                + network.imgSize());
        }
    }

    /** StarGAN v2's and METHOD.md's defaults around a network configuration. */
    public static TrainConfig defaults(String preset, NetworkConfig network) {
        return new TrainConfig(preset, network, SlicingConfig.defaults(network.inChannels(), network.imgSize()),
            10_000, defaultBatch(preset), 777, 1e-4f, 1e-6f, 1e-4f, 1, 0f, 0.99f, 1e-4f, 0.999f, 0,
            1.0f, 0.5f, OVERLAP, 1f, 1f, 1f, 0, 1f, 0f, STANDARDIZE_NONE,
            10, 1000, 500, 500, DEFAULT_VALIDATE_SUBJECTS, DEFAULT_VALIDATE_SLICES, "cpu");
    }

    /**
     * Samples per iteration: 4 for the {@code cpu} preset (its measured-fastest configuration,
     * docs/BENCHMARKS.md), 8 otherwise (the original's batch size).
     */
    public static int defaultBatch(String preset) {
        return NetworkPresets.CPU.equals(preset) ? 4 : 8;
    }

    /** Whether the site classification loss is on (its terms are then logged too). */
    public boolean classifies() {
        return lambdaCls > 0;
    }

    /** Whether scans are mapped onto a pooled input standard before the networks see them. */
    public boolean standardizes() {
        return STANDARDIZE_NYUL.equals(standardize);
    }

    public long effectiveDsDecaySteps() {
        return dsDecaySteps > 0 ? dsDecaySteps : steps;
    }

    public TrainConfig withSteps(long n) {
        return new TrainConfig(preset, network, slicing, n, batch, seed, lr, lrMapping, lrD, dSteps, beta1, beta2, weightDecay,
            emaBeta, emaWarmupSteps, lambdaStarGan, lambdaTc, tcForm, lambdaReg, lambdaSty, lambdaDs, dsDecaySteps,
            lambdaCyc, lambdaCls, standardize, logEvery, sampleEvery, checkpointEvery, validateEvery, validateSubjects,
            validateSlices, device);
    }
}
