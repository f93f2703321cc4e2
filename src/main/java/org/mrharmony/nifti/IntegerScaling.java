package org.mrharmony.nifti;

/**
 * How float values are stored in an integer datatype: {@code value ~ slope * stored + inter}
 * with {@code stored = round((value - inter) / slope)}. Whole-number data that fits the type
 * is stored exactly (slope 1, inter 0); anything else gets a slope and intercept that map the
 * data range onto the type's range, so the error is at most slope/2.
 *
 * <p>slope and inter are chosen as the header will store them (float32 in NIfTI-1): the
 * intercept is rounded first and the slope then rounded up, so the rounding can only widen
 * the covered range, never push the data's ends outside the type.
 */
record IntegerScaling(double slope, double inter, double storedMin, double storedMax) {

    static IntegerScaling fit(DataRange range, NiftiDataType type, FieldType storage) {
        double lo = minOf(type);
        double hi = maxOf(type);
        if (!range.anyFinite() || (range.allWhole() && range.min() >= lo && range.max() <= hi)) {
            return new IntegerScaling(1, 0, lo, hi);
        }
        double min = range.min();
        double max = range.max();
        // The exact fit maps min to the lowest level and max to the highest. The intercept is
        // rounded to its storage first; the slope is then made just wide enough to cover both
        // ends from that rounded intercept (an unsigned type cannot reach below it, so there
        // the intercept is rounded down).
        double exactSlope = (max - min) / (hi - lo);
        double inter = lo == 0 ? roundDown(storage, min) : storage.stored(min - lo * exactSlope);
        double slope = 0;
        if (hi > 0) {
            slope = Math.max(slope, (max - inter) / hi);
        }
        if (lo < 0) {
            slope = Math.max(slope, (min - inter) / lo);
        }
        slope = roundUp(storage, slope);
        if (!(slope > 0)) {
            // Constant data: every value is the intercept.
            slope = 1;
        }
        return new IntegerScaling(slope, inter, lo, hi);
    }

    /** The stored integer for a value: nearest level, clamped to the type; NaN stores the level nearest 0. */
    long quantize(float value) {
        double v = Float.isNaN(value) ? 0.0 : value;
        double q = Math.rint((v - inter) / slope);
        return (long) Math.max(storedMin, Math.min(storedMax, q));
    }

    static double minOf(NiftiDataType type) {
        return switch (type) {
            case UINT8, UINT16, UINT32 -> 0;
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            case FLOAT32, FLOAT64 -> throw new IllegalArgumentException(type + " is not an integer type");
        };
    }

    static double maxOf(NiftiDataType type) {
        return switch (type) {
            case UINT8 -> 255;
            case UINT16 -> 65535;
            case UINT32 -> 4294967295.0;
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            // 2^63 - 1 is not a double; the largest double below 2^63 keeps the clamp inside a long.
            case INT64 -> Math.nextDown(0x1p63);
            case FLOAT32, FLOAT64 -> throw new IllegalArgumentException(type + " is not an integer type");
        };
    }

    private static double roundUp(FieldType storage, double v) {
        double s = storage.stored(v);
        return s < v ? Math.nextUp((float) s) : s;
    }

    private static double roundDown(FieldType storage, double v) {
        double s = storage.stored(v);
        return s > v ? Math.nextDown((float) s) : s;
    }
}
