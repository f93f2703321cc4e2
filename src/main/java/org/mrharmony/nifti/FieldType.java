package org.mrharmony.nifti;

/**
 * The binary type of one header field. {@code CHAR} fields hold text (NUL padded);
 * {@code UINT8} fields are the C {@code char}s that hold bit-packed codes (dim_info, xyzt_units).
 */
enum FieldType {
    CHAR(1, false),
    UINT8(1, false),
    INT16(2, false),
    INT32(4, false),
    INT64(8, false),
    FLOAT32(4, true),
    FLOAT64(8, true);

    private final int bytes;
    private final boolean floating;

    FieldType(int bytes, boolean floating) {
        this.bytes = bytes;
        this.floating = floating;
    }

    int bytes() {
        return bytes;
    }

    boolean isFloating() {
        return floating;
    }

    /** The value this field type would store for {@code v} (float32 rounds; integer types must be exact). */
    double stored(double v) {
        return this == FLOAT32 ? (float) v : v;
    }
}
