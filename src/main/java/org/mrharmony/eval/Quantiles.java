package org.mrharmony.eval;

import java.util.Arrays;
import org.mrharmony.volume.LinearPercentile;

/**
 * Percentiles of a sorted sample in the project's convention, {@link LinearPercentile}
 * (Hyndman &amp; Fan type 7, numpy's default), the convention the baselines' reference
 * implementations use. Sorting once suits the baselines' many look-ups on one sample;
 * {@link org.mrharmony.volume.VolumeStats#percentiles(float[], double...)} selects instead.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** Sorted copy, for repeated percentile look-ups. */
    public static double[] sorted(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values (empty mask?)");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    /** The p-th percentile (p in [0, 100]) of an already sorted sample. */
    public static double percentileOfSorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100]: " + p);
        }
        return LinearPercentile.of(sorted.length, p, k -> sorted[k]);
    }

    public static double[] percentilesOfSorted(double[] sorted, double[] ps) {
        double[] out = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            out[i] = percentileOfSorted(sorted, ps[i]);
        }
        return out;
    }

    /** Fraction of the sample strictly below {@code v} (numpy {@code mean(x < v)}). */
    public static double fractionBelow(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) lo / sorted.length;
    }
}
