package org.mrharmony.volume;

/**
 * Separable Gaussian smoothing with the width given in millimetres, converted per axis with
 * the volume's voxel sizes so anisotropic voxels are smoothed isotropically in the world.
 *
 * <p>The kernel along an axis has {@code sigma = sigmaMm / voxelSize} voxels, is truncated at
 * {@code ceil(4 sigma)} voxels from the centre (as scipy's default) and normalised to sum 1.
 * Edges: the volume is extended by replicating its edge voxels, so a constant volume stays
 * constant. An axis with sigma 0 is left untouched.
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

    /** Normalised kernel weights for offsets {@code -r..r}, {@code r = ceil(4 sigma)}. */
    static double[] kernel(double sigmaVoxels) {
        int radius = (int) Math.ceil(TRUNCATE * sigmaVoxels);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int d = -radius; d <= radius; d++) {
            w[d + radius] = Math.exp(-0.5 * d * d / (sigmaVoxels * sigmaVoxels));
            sum += w[d + radius];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** Convolves every line along {@code axis} in place, edge voxels replicated. */
    private static void convolveAxis(float[] data, int[] dims, int axis, double[] w) {
        int[] stride = {1, dims[0], dims[0] * dims[1]};
        int n = dims[axis];
        int step = stride[axis];
        int radius = w.length / 2;
        double[] line = new double[n];
        // The two other axes enumerate the lines.
        int a = axis == 0 ? 1 : 0;
        int b = axis == 2 ? 1 : 2;
        for (int j = 0; j < dims[b]; j++) {
            for (int i = 0; i < dims[a]; i++) {
                int start = i * stride[a] + j * stride[b];
                for (int k = 0; k < n; k++) {
                    line[k] = data[start + k * step];
                }
                for (int k = 0; k < n; k++) {
                    double s = 0;
                    for (int d = -radius; d <= radius; d++) {
                        int kk = Math.min(Math.max(k + d, 0), n - 1);
                        s += w[d + radius] * line[kk];
                    }
                    data[start + k * step] = (float) s;
                }
            }
        }
    }
}
