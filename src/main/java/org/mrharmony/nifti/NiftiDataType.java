package org.mrharmony.nifti;

import java.util.Arrays;
import java.util.Locale;

/** The NIfTI datatype codes we read and write, with their sizes in bytes. */
public enum NiftiDataType {
    UINT8(2, 1),
    INT16(4, 2),
    INT32(8, 4),
    FLOAT32(16, 4),
    FLOAT64(64, 8),
    INT8(256, 1),
    UINT16(512, 2),
    UINT32(768, 4),
    INT64(1024, 8);

    private final int code;
    private final int bytes;

    NiftiDataType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    public int code() {
        return code;
    }

    public int bytes() {
        return bytes;
    }

    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64;
    }

    /** The lower-case name used in JSON and on the command line, e.g. {@code int16}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null when the code is not one we support (the caller reports it with the file name). */
    public static NiftiDataType fromCodeOrNull(int code) {
        for (NiftiDataType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    public static NiftiDataType fromLabel(String label) {
        for (NiftiDataType t : values()) {
            if (t.label().equals(label.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown datatype '" + label + "'; known: "
            + Arrays.toString(Arrays.stream(values()).map(NiftiDataType::label).toArray()));
    }
}
