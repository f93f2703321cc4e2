package org.mrharmony.nifti;

/**
 * What the writer needs to know about the values before choosing how to store them.
 *
 * @param min       smallest finite value (0 when there is none)
 * @param max       largest finite value (0 when there is none)
 * @param anyFinite whether any value is finite
 * @param allWhole  whether every finite value is a whole number (so integers can hold it exactly)
 */
record DataRange(float min, float max, boolean anyFinite, boolean allWhole) {

    static DataRange of(float[] data) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        boolean allWhole = true;
        for (float v : data) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (allWhole && v != Math.rint(v)) {
                    allWhole = false;
                }
            }
        }
        boolean anyFinite = min <= max;
        return anyFinite ? new DataRange(min, max, true, allWhole) : new DataRange(0, 0, false, true);
    }
}
