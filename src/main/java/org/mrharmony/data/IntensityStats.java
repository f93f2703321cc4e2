package org.mrharmony.data;

import java.util.List;

/**
 * How one volume's intensities map into the network's range, and back.
 *
 * <p>METHOD.md (after the talk): clip at a high percentile, z-score, divide by the maximum.
 * Inside the head that is the affine map {@code y = (v - mean) / (high - mean)}, where
 * {@code mean} is the head's mean after clipping and {@code high} the clipping percentile
 * (the z-score's maximum is {@code (high - mean) / sd}, so the sd cancels). The brightest tissue
 * lands at 1 and the zero background near -1, and two numbers suffice to map back.
 *
 * @param mean mean intensity inside the head mask after clipping
 * @param high the clipping value (a high percentile inside the head mask)
 */
public record IntensityStats(double mean, double high) {

    public IntensityStats {
        if (!(high > mean)) {
            throw new IllegalArgumentException("clipping value " + high + " must exceed the mean " + mean
                + " (a constant or empty volume?)");
        }
    }

    /** Into the network range, clamped to [-1, 1]. */
    public float toNetwork(float v) {
        double y = (v - mean) / (high - mean);
        return (float) Math.max(-1.0, Math.min(1.0, y));
    }

    /** From the network range back to this scale. */
    public float fromNetwork(float y) {
        return (float) (y * (high - mean) + mean);
    }

    /** The site's scale: the average of its volumes' statistics. */
    public static IntensityStats average(List<IntensityStats> stats) {
        if (stats.isEmpty()) {
            throw new IllegalArgumentException("no volumes to average intensity statistics over");
        }
        double m = 0;
        double h = 0;
        for (IntensityStats s : stats) {
            m += s.mean;
            h += s.high;
        }
        return new IntensityStats(m / stats.size(), h / stats.size());
    }
}
