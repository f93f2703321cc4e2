package org.mrharmony.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piecewise-linear function through knots {@code (x_i, y_i)}, extended beyond the first
 * and last knot by the line of the first and last segment (scipy's
 * {@code interp1d(..., fill_value="extrapolate")}, which Nyúl normalization uses).
 *
 * <p>Knots with equal x (landmarks that coincide because a brain has few distinct
 * intensities) are merged into one knot at the mean of their y, so the map stays a
 * function; at least two distinct x are required.
 */
public final class PiecewiseLinear {

    private final double[] x;
    private final double[] y;

    public PiecewiseLinear(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("knot arrays differ in length: " + xs.length + " vs " + ys.length);
        }
        List<double[]> merged = new ArrayList<>();
        int i = 0;
        while (i < xs.length) {
            if (i > 0 && xs[i] < xs[i - 1]) {
                throw new IllegalArgumentException("knots must be non-decreasing in x: " + Arrays.toString(xs));
            }
            int j = i;
            double sumY = 0;
            while (j < xs.length && xs[j] == xs[i]) {
                sumY += ys[j];
                j++;
            }
            merged.add(new double[] {xs[i], sumY / (j - i)});
            i = j;
        }
        if (merged.size() < 2) {
            throw new IllegalArgumentException("need at least two distinct knots, got " + Arrays.toString(xs));
        }
        this.x = merged.stream().mapToDouble(k -> k[0]).toArray();
        this.y = merged.stream().mapToDouble(k -> k[1]).toArray();
    }

    public double apply(double v) {
        // Segment index: the last knot at or below v, clamped so the end segments extrapolate.
        int k = Arrays.binarySearch(x, v);
        int seg = k >= 0 ? k : -k - 2;
        seg = Math.max(0, Math.min(seg, x.length - 2));
        double t = (v - x[seg]) / (x[seg + 1] - x[seg]);
        return y[seg] + t * (y[seg + 1] - y[seg]);
    }
}
