package org.mrharmony.nifti;

/** The spatial unit in the low 3 bits of xyzt_units (NIFTI_UNITS_* in nifti1.h). */
public enum SpatialUnit implements HeaderCode {
    UNKNOWN(0, "unknown"),
    METER(1, "m"),
    MM(2, "mm"),
    MICRON(3, "um");

    static final int MASK = 0x07;

    private final int code;
    private final String label;

    SpatialUnit(int code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The spatial part of an xyzt_units value; null if the bits hold no defined unit. */
    public static SpatialUnit fromXyztUnitsOrNull(long xyztUnits) {
        return HeaderCode.byCodeOrNull(SpatialUnit.class, xyztUnits & MASK);
    }
}
