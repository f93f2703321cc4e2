package org.mrharmony.volume;

/**
 * Quickselect: puts the k-th smallest value of a range at index k, smaller values before it
 * and larger-or-equal ones after, in expected linear time.
 *
 * <p>Three-way partitioning keeps it linear on data with many equal values (the background
 * zeros of an MRI volume); pivots come from a fixed-seed generator so the result and the run
 * time do not depend on the order of the input.
 */
final class Selection {

    private Selection() {
    }

    /** Selects rank {@code k} within {@code a[from, to)}; the values must not be NaN. */
    static void select(float[] a, int from, int to, int k) {
        if (k < from || k >= to) {
            throw new IllegalArgumentException("rank " + k + " outside " + from + ".." + (to - 1));
        }
        long seed = 0x9E3779B97F4A7C15L ^ k;
        while (to - from > 1) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            float pivot = a[from + (int) Math.floorMod(seed >>> 17, (long) (to - from))];
            // [from, lt) < pivot, [lt, i) == pivot, [gt, to) > pivot.
            int lt = from;
            int i = from;
            int gt = to;
            while (i < gt) {
                float v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[--gt];
                    a[gt] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                to = lt;
            } else if (k >= gt) {
                from = gt;
            } else {
                return;
            }
        }
    }
}
