package org.mrharmony.report;

import java.util.Arrays;
import org.mrharmony.volume.LinearPercentile;

/**
 * Percentiles of large float arrays for display purposes (windows, histogram ranges).
 * Volumes can hold tens of millions of voxels; above {@link #MAX_SAMPLES} a regular stride
 * subsample is used, which is exact enough for choosing a display window and deterministic.
 */
final class Percentiles {

    static final int MAX_SAMPLES = 1 << 20;

    private final float[] sorted;

    private Percentiles(float[] sorted) {
        this.sorted = sorted;
    }

    /** Percentiles of the finite values; {@code skipZeros} drops exact zeros (background). */
    static Percentiles of(float[] values, boolean skipZeros) {
        // ceil(length / MAX_SAMPLES): the stride spans the whole array, never just its start
        int stride = Math.max(1, (int) ((values.length + (long) MAX_SAMPLES - 1) / MAX_SAMPLES));
        float[] sample = new float[(values.length + stride - 1) / stride];
        int n = 0;
        for (int i = 0; i < values.length; i += stride) {
            float v = values[i];
            if (Float.isFinite(v) && !(skipZeros && v == 0f)) {
                sample[n++] = v;
            }
        }
        float[] kept = Arrays.copyOf(sample, n);
        Arrays.sort(kept);
        return new Percentiles(kept);
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The {@code p}-th percentile (0..100) in the {@link LinearPercentile} convention; NaN if empty. */
    double at(double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in [0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return LinearPercentile.of(sorted.length, p, k -> sorted[k]);
    }
}
