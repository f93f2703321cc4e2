package org.mrharmony.synth;

/**
 * How one synthetic subject differs from the cohort's base anatomy (recorded in cohort.json).
 *
 * @param id                e.g. {@code sub-03}; file names derive from it
 * @param split             {@code train} or {@code test}
 * @param seed              the subject's own seed (deformation, thinning and noise derive from it)
 * @param deformationRmsMm  RMS length of each displacement component, mm (0: the base anatomy)
 * @param maxDisplacementMm largest displacement over the grid, mm
 * @param thinningFraction  fraction of the pial-side grey-matter voxels turned into CSF
 * @param thinnedVoxels     how many voxels that was
 */
public record SubjectParameters(String id, String split, long seed, double deformationRmsMm,
                                double maxDisplacementMm, double thinningFraction, int thinnedVoxels) {

    public static final String TRAIN = "train";
    public static final String TEST = "test";

    public SubjectParameters {
        if (!TRAIN.equals(split) && !TEST.equals(split)) {
            throw new IllegalArgumentException("subject " + id + ": split must be train or test, got " + split);
        }
    }
}
