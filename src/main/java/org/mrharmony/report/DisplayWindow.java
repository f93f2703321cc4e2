package org.mrharmony.report;

/**
 * The intensity range mapped onto the colour scale: {@code low} to black (or full blue),
 * {@code high} to white (or full red). Values outside are clamped.
 */
public record DisplayWindow(double low, double high) {

    /** Robust greyscale window: percentiles of the non-zero voxels, ignoring rare outliers. */
    static final double ROBUST_LOW = 0.5;
    static final double ROBUST_HIGH = 99.5;
    /** Difference maps: most differences are small; a few large ones should saturate, not set the scale. */
    static final double SYMMETRIC = 99.0;

    public DisplayWindow {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low)) {
            throw new IllegalArgumentException("display window must satisfy low < high: [" + low + ", " + high + "]");
        }
    }

    /**
     * Greyscale window from the 0.5th to the 99.5th percentile of the non-zero finite values.
     * Zeros (background of skull-stripped images) are left out so they cannot drag the window
     * down, and still show as black since they lie at or below {@code low}.
     */
    public static DisplayWindow robust(float[] values) {
        Percentiles percentiles = Percentiles.of(values, true);
        if (percentiles.isEmpty()) {
            return new DisplayWindow(0, 1);
        }
        return widenIfFlat(percentiles.at(ROBUST_LOW), percentiles.at(ROBUST_HIGH));
    }

    /** Symmetric window {@code [-w, w]}, {@code w} the 99th percentile of |value| over non-zero values. */
    public static DisplayWindow symmetric(float[] values) {
        float[] magnitudes = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            magnitudes[i] = Math.abs(values[i]);
        }
        Percentiles percentiles = Percentiles.of(magnitudes, true);
        double w = percentiles.isEmpty() ? 0 : percentiles.at(SYMMETRIC);
        return w > 0 ? new DisplayWindow(-w, w) : new DisplayWindow(-1, 1);
    }

    /** Position of {@code value} in the window, clamped to [0, 1]; NaN maps to 0. */
    double fraction(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return Math.max(0, Math.min(1, (value - low) / (high - low)));
    }

    private static DisplayWindow widenIfFlat(double low, double high) {
        if (high > low) {
            return new DisplayWindow(low, high);
        }
        double pad = Math.max(Math.abs(low) * 0.5, 0.5);
        return new DisplayWindow(low - pad, high + pad);
    }
}
