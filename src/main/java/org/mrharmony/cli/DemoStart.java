package org.mrharmony.cli;

import java.util.Optional;

/**
 * Where the demo's model comes from, and why — decided before any training so the demo can say
 * it on stderr and in the report.
 *
 * @param kind   {@link Kind}
 * @param reason one clause for people: why this start
 */
record DemoStart(Kind kind, String reason) {

    enum Kind {
        /** Copy the bundled model and fine-tune it: the cohort is the one it was trained on. */
        BUNDLED,
        /** The output folder already holds the demo's model: continue it. */
        RESUMED,
        /** Train new networks. */
        SCRATCH
    }

    /**
     * @param fromScratch       {@code --from-scratch} given
     * @param modelExists       the output folder already holds a model
     * @param existingOrigin    that model's {@value PretrainedModel#FILE}, when it was started from a bundle
     * @param bundled           the bundled model's description; empty when this build has none
     * @param preset            {@code --preset}
     * @param fingerprint       the cohort's {@link org.mrharmony.synth.CohortFingerprint}, null when it could not
     *                          be computed
     * @param cohort            the cohort in words, or why it has no fingerprint
     */
    static DemoStart decide(boolean fromScratch, boolean modelExists, Optional<PretrainedModel> existingOrigin,
                            Optional<PretrainedModel> bundled, String preset, String fingerprint, String cohort) {
        if (modelExists) {
            if (fromScratch && existingOrigin.isPresent()) {
                throw new UserError("the model in the output folder was started from the bundled model "
                    + existingOrigin.get().name() + "; --from-scratch needs another --out");
            }
            return new DemoStart(Kind.RESUMED, existingOrigin.map(o -> "the output folder holds a fine-tune of the "
                + "bundled model " + o.name()).orElse("the output folder holds a model trained from scratch")
                + "; continuing it");
        }
        if (fromScratch) {
            return new DemoStart(Kind.SCRATCH, "--from-scratch");
        }
        if (bundled.isEmpty()) {
            return new DemoStart(Kind.SCRATCH, "this build has no bundled model");
        }
        PretrainedModel b = bundled.get();
        if (!b.preset().equals(preset)) {
            return new DemoStart(Kind.SCRATCH, "--preset " + preset + " is not the bundled model's (" + b.preset() + ")");
        }
        if (fingerprint == null) {
            return new DemoStart(Kind.SCRATCH, cohort);
        }
        if (!fingerprint.equals(b.cohort().fingerprint())) {
            return new DemoStart(Kind.SCRATCH, "the cohort (" + cohort + ") is not the bundled model's ("
                + b.cohort().description() + ")");
        }
        return new DemoStart(Kind.BUNDLED, "the cohort is the bundled model's (" + b.cohort().description() + ")");
    }
}
