package org.mrharmony.synth;

/**
 * Separable Gaussian blur with a sigma per axis in mm, edges clamped.
 * Interim: to be replaced by the volume package's Gaussian filter once it is in main.
 */
final class GaussianBlur {

    private GaussianBlur() {
    }

    /** Blurs {@code data} (x fastest) in place; a sigma of 0 leaves that axis alone. */
    static void apply(float[] data, int[] dims, double[] voxelMm, double[] sigmaMm) {
        float[] line = new float[Math.max(dims[0], Math.max(dims[1], dims[2]))];
        float[] out = new float[line.length];
        for (int axis = 0; axis < 3; axis++) {
            double sigma = sigmaMm[axis] / voxelMm[axis];
            if (sigma <= 0) {
                continue;
            }
            double[] kernel = kernel(sigma);
            int n = dims[axis];
            int stride = axis == 0 ? 1 : axis == 1 ? dims[0] : dims[0] * dims[1];
            int lines = data.length / n;
            for (int l = 0; l < lines; l++) {
                int start = lineStart(l, axis, dims);
                for (int i = 0; i < n; i++) {
                    line[i] = data[start + i * stride];
                }
                convolve(line, n, kernel, out);
                for (int i = 0; i < n; i++) {
                    data[start + i * stride] = out[i];
                }
            }
        }
    }

    /** Index of the first voxel of the l-th line along {@code axis}. */
    private static int lineStart(int l, int axis, int[] dims) {
        return switch (axis) {
            case 0 -> l * dims[0];
            case 1 -> (l % dims[0]) + (l / dims[0]) * dims[0] * dims[1];
            default -> l;
        };
    }

    private static double[] kernel(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    private static void convolve(float[] in, int n, double[] k, float[] out) {
        int r = k.length / 2;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = -r; j <= r; j++) {
                int t = Math.min(Math.max(i + j, 0), n - 1);
                s += k[j + r] * in[t];
            }
            out[i] = (float) s;
        }
    }
}
