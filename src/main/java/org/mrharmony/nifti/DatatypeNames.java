package org.mrharmony.nifti;

import java.util.Map;

/**
 * Every datatype code the NIfTI standard defines, supported or not, so that a file we cannot
 * read is reported as "known but not supported" rather than "not recognized".
 */
final class DatatypeNames {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
        Map.entry(0, "unknown"),
        Map.entry(1, "binary"),
        Map.entry(2, "uint8"),
        Map.entry(4, "int16"),
        Map.entry(8, "int32"),
        Map.entry(16, "float32"),
        Map.entry(32, "complex64"),
        Map.entry(64, "float64"),
        Map.entry(128, "rgb24"),
        Map.entry(255, "all"),
        Map.entry(256, "int8"),
        Map.entry(512, "uint16"),
        Map.entry(768, "uint32"),
        Map.entry(1024, "int64"),
        Map.entry(1280, "uint64"),
        Map.entry(1536, "float128"),
        Map.entry(1792, "complex128"),
        Map.entry(2048, "complex256"),
        Map.entry(2304, "rgba32"));

    private DatatypeNames() {
    }

    /** The standard's name for a code, or "not a NIfTI datatype". */
    static String nameOf(long code) {
        if (code < Integer.MIN_VALUE || code > Integer.MAX_VALUE) {
            return "not a NIfTI datatype";
        }
        return NAMES.getOrDefault((int) code, "not a NIfTI datatype");
    }
}
