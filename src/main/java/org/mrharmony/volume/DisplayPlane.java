package org.mrharmony.volume;

/**
 * The three anatomical planes and how each is laid out on screen for a volume in RAS+
 * orientation, in the neurological display convention (as seen from above, behind, and the
 * patient's left; standard in neuroimaging viewers):
 * <ul>
 *   <li>axial: patient's left on the image's left, anterior at the top;</li>
 *   <li>coronal: patient's left on the image's left, superior at the top;</li>
 *   <li>sagittal: anterior on the image's left, superior at the top.</li>
 * </ul>
 */
public enum DisplayPlane {
    AXIAL(2, 0, false, 1, true),
    CORONAL(1, 0, false, 2, true),
    SAGITTAL(0, 1, true, 2, true);

    private final int sliceAxis;
    private final int columnAxis;
    private final boolean columnReversed;
    private final int rowAxis;
    private final boolean rowReversed;

    DisplayPlane(int sliceAxis, int columnAxis, boolean columnReversed, int rowAxis, boolean rowReversed) {
        this.sliceAxis = sliceAxis;
        this.columnAxis = columnAxis;
        this.columnReversed = columnReversed;
        this.rowAxis = rowAxis;
        this.rowReversed = rowReversed;
    }

    /** The RAS axis the plane cuts across (axial: 2, S). */
    public int sliceAxis() {
        return sliceAxis;
    }

    /** The RAS axis that runs left to right on screen. */
    public int columnAxis() {
        return columnAxis;
    }

    /** True when the column axis's index decreases from left to right on screen. */
    public boolean columnReversed() {
        return columnReversed;
    }

    /** The RAS axis that runs top to bottom on screen. */
    public int rowAxis() {
        return rowAxis;
    }

    /** True when the row axis's index decreases from top to bottom (a positive direction points up). */
    public boolean rowReversed() {
        return rowReversed;
    }
}
