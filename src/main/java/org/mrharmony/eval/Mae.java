package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/** Mean absolute error over the mask voxels (all voxels when the mask is null). */
public final class Mae {

    private Mae() {
    }

    public static double of(Volume a, Volume b, boolean[] mask) {
        return VoxelwiseMean.of(a, b, mask, (x, y) -> Math.abs(x - y));
    }
}
