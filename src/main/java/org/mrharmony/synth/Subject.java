package org.mrharmony.synth;

import java.util.SplittableRandom;
import org.mrharmony.volume.Volume;

/**
 * A synthetic subject: the base anatomy, smoothly deformed and with its cortex thinned by
 * amounts drawn from the subject's seed. Subject 0 is the base anatomy itself, untouched, so
 * a cohort always contains the template (phantom or real T1) as one of its people.
 */
public record Subject(SubjectParameters parameters, Anatomy anatomy) {

    static final double MIN_DEFORMATION_RMS_MM = 1.0;
    static final double MAX_DEFORMATION_RMS_MM = 2.0;
    static final double MAX_THINNING_FRACTION = 0.5;

    /** Subject {@code index} of a cohort with seed {@code cohortSeed}. */
    public static Subject create(Anatomy base, long cohortSeed, int index, String id, String split) {
        long seed = Seeds.derive(cohortSeed, "subject", index);
        if (index == 0) {
            return new Subject(new SubjectParameters(id, split, seed, 0, 0, 0, 0), base);
        }
        SplittableRandom draws = new SplittableRandom(Seeds.derive(seed, "draws", 0));
        double rms = MIN_DEFORMATION_RMS_MM + (MAX_DEFORMATION_RMS_MM - MIN_DEFORMATION_RMS_MM) * draws.nextDouble();
        double thinning = MAX_THINNING_FRACTION * draws.nextDouble();
        return create(base, id, split, seed, rms, thinning);
    }

    /** A subject with given deformation size and thinning fraction (for tests and reuse). */
    static Subject create(Anatomy base, String id, String split, long seed, double rmsMm, double thinning) {
        RandomDeformation deformation = RandomDeformation.generate(base.labels(), rmsMm,
            new SplittableRandom(Seeds.derive(seed, "deformation", 0)));
        Volume labels = deformation.warpLabels(base.labels());
        Volume texture = deformation.warpImage(base.texture());
        int thinned = CorticalThinning.apply(labels, texture, thinning,
            new SplittableRandom(Seeds.derive(seed, "thinning", 0)));
        SubjectParameters p = new SubjectParameters(id, split, seed, rmsMm, deformation.maxDisplacementMm(),
            thinning, thinned);
        return new Subject(p, new Anatomy(labels, texture));
    }
}
