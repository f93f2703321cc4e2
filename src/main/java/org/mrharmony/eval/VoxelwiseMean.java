package org.mrharmony.eval;

import java.util.function.DoubleBinaryOperator;
import org.mrharmony.volume.Volume;

/** What MAE and MSE share: the mean over the mask voxels of a function of the two values there. */
final class VoxelwiseMean {

    private VoxelwiseMean() {
    }

    /**
     * The mean of {@code perVoxel(a[i], b[i])} over the voxels i in the mask (all voxels when
     * it is null), summed in double in voxel order.
     */
    static double of(Volume a, Volume b, boolean[] mask, DoubleBinaryOperator perVoxel) {
        Ssim.requireSameDims(a, b);
        Masks.check(mask, b);
        float[] x = a.data();
        float[] y = b.data();
        double sum = 0;
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            if (mask == null || mask[i]) {
                sum += perVoxel.applyAsDouble(x[i], y[i]);
                n++;
            }
        }
        return sum / n;
    }
}
