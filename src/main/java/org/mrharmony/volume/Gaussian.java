package org.mrharmony.volume;

/**
 * Separable Gaussian smoothing with the width given in millimetres, converted per axis with
 * the volume's voxel sizes so anisotropic voxels are smoothed isotropically in the world.
 *
 * <p>The kernel along an axis has {@code sigma = sigmaMm / voxelSize} voxels, is truncated at
 * {@code ceil(4 sigma)} voxels from the centre and normalised to sum 1 (scipy's default
 * truncation is 4 sigma too, but it rounds the radius to nearest, e.g. 4 taps instead of 5 at
 * sigma 1.1; changing the rule here would change the synthetic cohorts and head masks).
 * Edges: the volume is extended by replicating its edge voxels ({@link GaussianKernel.Border#NEAREST}),
 * so a constant volume stays constant. Each axis pass is stored as float before the next one.
 * An axis with sigma 0 is left untouched.
 */
public final class Gaussian {

    private static final double TRUNCATE = 4.0;

    private Gaussian() {
    }

    /** The same sigma (mm) along every world direction. */
    public static Volume smooth(Volume volume, double sigmaMm) {
        return smooth(volume, new double[] {sigmaMm, sigmaMm, sigmaMm});
    }

    /** Sigma in mm per voxel axis; a new volume, the input is not modified. */
    public static Volume smooth(Volume volume, double[] sigmaMm) {
        double[] sizes = volume.voxelSizes();
        float[] data = volume.data().clone();
        for (int axis = 0; axis < 3; axis++) {
            if (sigmaMm[axis] < 0) {
                throw new IllegalArgumentException("sigma must not be negative: " + sigmaMm[axis]);
            }
            if (sigmaMm[axis] > 0) {
                convolveAxis(data, volume.dims(), axis, kernel(sigmaMm[axis] / sizes[axis]));
            }
        }
        return volume.withData(data);
    }

    /** The kernel along an axis: {@code r = ceil(4 sigma)}, edges replicated. */
    static GaussianKernel kernel(double sigmaVoxels) {
        return new GaussianKernel(sigmaVoxels, GaussianKernel.ceilRadius(sigmaVoxels, TRUNCATE),
            GaussianKernel.Border.NEAREST);
    }

    /** Convolves every line along {@code axis} in place. */
    private static void convolveAxis(float[] data, int[] dims, int axis, GaussianKernel kernel) {
        double[] line = new double[dims[axis]];
        double[] out = new double[dims[axis]];
        AxisLines.forEach(dims[0], dims[1], dims[2], axis, (start, step, n) -> {
            for (int k = 0; k < n; k++) {
                line[k] = data[start + k * step];
            }
            kernel.convolve(line, n, out);
            for (int k = 0; k < n; k++) {
                data[start + k * step] = (float) out[k];
            }
        });
    }
}
