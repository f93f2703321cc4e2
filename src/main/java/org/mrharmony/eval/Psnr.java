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
        return VoxelwiseMean.of(a, b, mask, (x, y) -> {
            double d = x - y;
            return d * d;
        });
    }
}
