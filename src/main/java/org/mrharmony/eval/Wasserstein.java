package org.mrharmony.eval;

import java.util.Arrays;
import org.mrharmony.volume.Volume;

/**
 * The 1-Wasserstein (earth mover's) distance between the empirical distributions of two
 * samples: {@code W1 = ∫₀¹ |F⁻¹(t) − G⁻¹(t)| dt}, computed exactly from the two sorted
 * samples. Each quantile function is a step function with steps at {@code i/n} and
 * {@code j/m}; the integral is summed over the merged steps (counted in integers, so
 * samples of unequal sizes are handled without rounding of the step positions).
 */
public final class Wasserstein {

    private Wasserstein() {
    }

    public static double w1(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both samples must be non-empty (sizes " + a.length + ", " + b.length + ")");
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        long n = x.length;
        long m = y.length;
        // t runs over (0, 1] in units of 1/(n·m): x[i] covers (i·m, (i+1)·m], y[j] covers (j·n, (j+1)·n].
        int i = 0;
        int j = 0;
        long t = 0;
        double sum = 0;
        while (i < n && j < m) {
            long endX = (i + 1) * m;
            long endY = (j + 1) * n;
            long end = Math.min(endX, endY);
            sum += Math.abs(x[i] - y[j]) * (end - t);
            t = end;
            if (endX == end) {
                i++;
            }
            if (endY == end) {
                j++;
            }
        }
        return sum / ((double) n * m);
    }

    /** W1 between the intensities of two volumes, each inside its own mask (null: all voxels). */
    public static double w1(Volume a, boolean[] maskA, Volume b, boolean[] maskB) {
        Masks.check(maskA, a);
        Masks.check(maskB, b);
        return w1(Masks.values(a, maskA), Masks.values(b, maskB));
    }
}
