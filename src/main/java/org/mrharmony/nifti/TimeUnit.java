package org.mrharmony.nifti;

/** The temporal unit in bits 3-5 of xyzt_units (NIFTI_UNITS_* in nifti1.h). */
public enum TimeUnit implements HeaderCode {
    UNKNOWN(0, "unknown"),
    SEC(8, "s"),
    MSEC(16, "ms"),
    USEC(24, "us"),
    HZ(32, "Hz"),
    PPM(40, "ppm"),
    RADS(48, "rad/s");

    static final int MASK = 0x38;

    private final int code;
    private final String label;

    TimeUnit(int code, String label) {
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

    /** The temporal part of an xyzt_units value; null if the bits hold no defined unit. */
    public static TimeUnit fromXyztUnitsOrNull(long xyztUnits) {
        return HeaderCode.byCodeOrNull(TimeUnit.class, xyztUnits & MASK);
    }
}
