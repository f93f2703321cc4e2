package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/** Mean absolute error over the mask voxels (all voxels when the mask is null). */
public final class Mae {

    private Mae() {
    }

    public static double of(Volume a, Volume b, boolean[] mask) {
        Ssim.requireSameDims(a, b);
        Masks.check(mask, b);
        float[] x = a.data();
        float[] y = b.data();
        double sum = 0;
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            if (mask == null || mask[i]) {
                sum += Math.abs((double) x[i] - y[i]);
                n++;
            }
        }
        return sum / n;
    }
}
