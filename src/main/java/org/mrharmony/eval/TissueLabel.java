package org.mrharmony.eval;

/**
 * The tissue label values used in every label map the project reads or writes:
 * 0 background, 1 CSF, 2 grey matter, 3 white matter (the FAST/Atropos order of increasing
 * T1 intensity, so a class index found by sorting means is the label minus one).
 */
public final class TissueLabel {

    public static final int BACKGROUND = 0;
    public static final int CSF = 1;
    public static final int GM = 2;
    public static final int WM = 3;

    /** The number of tissue classes (labels 1..COUNT). */
    public static final int COUNT = 3;

    private static final String[] NAMES = {"background", "csf", "gm", "wm"};

    private TissueLabel() {
    }

    /** Lower-case name of a label, e.g. {@code gm}. */
    public static String name(int label) {
        if (label < 0 || label > COUNT) {
            throw new IllegalArgumentException("tissue label must be 0.." + COUNT + ": " + label);
        }
        return NAMES[label];
    }

    /** The label a float voxel of a label volume stands for. */
    public static int of(float voxel) {
        return Math.round(voxel);
    }
}
