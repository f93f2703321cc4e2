package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * Peak signal-to-noise ratio {@code 10·log10(R² / MSE)} in dB, MSE over the mask voxels,
 * with the same explicit data range R as {@link Ssim}. Identical images give +∞.
 */
public final class Psnr {

    private Psnr() {
    }

    public static double of(Volume a, Volume b, boolean[] mask, double dataRange) {
        DataRange.requirePositive(dataRange);
        double mse = meanSquaredError(a, b, mask);
        return 10 * Math.log10(dataRange * dataRange / mse);
    }

    public static double meanSquaredError(Volume a, Volume b, boolean[] mask) {
        Ssim.requireSameDims(a, b);
        Masks.check(mask, b);
        float[] x = a.data();
        float[] y = b.data();
        double sum = 0;
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            if (mask == null || mask[i]) {
                double d = (double) x[i] - y[i];
                sum += d * d;
                n++;
            }
        }
        return sum / n;
    }
}
