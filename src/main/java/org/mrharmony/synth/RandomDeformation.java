package org.mrharmony.synth;

import java.util.SplittableRandom;
import org.mrharmony.volume.Interpolation;
import org.mrharmony.volume.Resample;
import org.mrharmony.volume.Volume;

/**
 * A smooth random displacement field, the difference between two people's brains after an
 * affine registration: each component a {@link SmoothRandomField} with control points every
 * {@link #SPACING_MM}, scaled to a given RMS displacement in mm. With a few mm over 48 mm the
 * Jacobian stays close to 1, so the map is invertible and tissue volumes change little.
 * Applied by pulling back: the warped image at x is the original at x + u(x).
 */
final class RandomDeformation {

    static final double SPACING_MM = 48;

    private final int[] dims;
    private final double[] voxelMm;
    private final float[][] displacementMm;

    private RandomDeformation(int[] dims, double[] voxelMm, float[][] displacementMm) {
        this.dims = dims;
        this.voxelMm = voxelMm;
        this.displacementMm = displacementMm;
    }

    static RandomDeformation generate(Volume grid, double rmsMm, SplittableRandom random) {
        float[][] u = new float[3][];
        for (int a = 0; a < 3; a++) {
            u[a] = SmoothRandomField.generate(grid.dims(), grid.voxelSizes(), SPACING_MM, random);
            for (int i = 0; i < u[a].length; i++) {
                u[a][i] *= (float) rmsMm;
            }
        }
        return new RandomDeformation(grid.dims(), grid.voxelSizes(), u);
    }

    /** The largest displacement length over the grid, in mm. */
    double maxDisplacementMm() {
        double max = 0;
        for (int i = 0; i < displacementMm[0].length; i++) {
            double d = 0;
            for (int a = 0; a < 3; a++) {
                d += displacementMm[a][i] * displacementMm[a][i];
            }
            max = Math.max(max, d);
        }
        return Math.sqrt(max);
    }

    /** Labels are carried by nearest neighbour, so they stay labels. */
    Volume warpLabels(Volume labels) {
        return warp(labels, Interpolation.NEAREST);
    }

    /** Continuous images (texture) are interpolated trilinearly. */
    Volume warpImage(Volume image) {
        return warp(image, Interpolation.TRILINEAR);
    }

    /** Beyond the grid is air (0): label background, no signal. */
    private Volume warp(Volume v, Interpolation interpolation) {
        float[] out = new float[v.size()];
        for (int z = 0, i = 0; z < dims[2]; z++) {
            for (int y = 0; y < dims[1]; y++) {
                for (int x = 0; x < dims[0]; x++, i++) {
                    double sx = x + displacementMm[0][i] / voxelMm[0];
                    double sy = y + displacementMm[1][i] / voxelMm[1];
                    double sz = z + displacementMm[2][i] / voxelMm[2];
                    out[i] = Resample.sample(v, sx, sy, sz, interpolation, 0f);
                }
            }
        }
        return v.withData(out);
    }
}
