package org.mrharmony.synth;

import java.util.SplittableRandom;

/**
 * Smooth random scalar fields: independent Gaussian values on a coarse control grid,
 * interpolated by a cubic B-spline (the free-form deformation model of Rueckert et al.,
 * IEEE TMI 18:712-721, 1999), then shifted and scaled to zero mean and unit RMS over the grid.
 * The control spacing sets the smallest wavelength, so the field has no detail finer than it.
 */
final class SmoothRandomField {

    private SmoothRandomField() {
    }

    /** A field on a grid of {@code dims} voxels of size {@code voxelMm}, control points every {@code spacingMm}. */
    static float[] generate(int[] dims, double[] voxelMm, double spacingMm, SplittableRandom random) {
        int[] coarse = new int[3];
        double[] step = new double[3];
        for (int a = 0; a < 3; a++) {
            step[a] = voxelMm[a] / spacingMm;
            // Nodes -1 .. last+2 around the grid: the B-spline reads 4 nodes about each point.
            coarse[a] = (int) Math.ceil((dims[a] - 1) * step[a]) + 4;
        }
        float[] field = new float[coarse[0] * coarse[1] * coarse[2]];
        for (int i = 0; i < field.length; i++) {
            field[i] = (float) random.nextGaussian();
        }
        int[] shape = coarse.clone();
        for (int a = 0; a < 3; a++) {
            field = interpolateAxis(field, shape, a, dims[a], step[a]);
            shape[a] = dims[a];
        }
        normalise(field);
        return field;
    }

    /** Cubic B-spline interpolation along one axis, from control nodes to {@code out} samples. */
    private static float[] interpolateAxis(float[] in, int[] shape, int axis, int out, double step) {
        int[] outShape = shape.clone();
        outShape[axis] = out;
        float[] result = new float[outShape[0] * outShape[1] * outShape[2]];
        int stride = axis == 0 ? 1 : axis == 1 ? shape[0] : shape[0] * shape[1];
        int[] base = new int[out];
        double[][] w = new double[out][];
        for (int i = 0; i < out; i++) {
            double c = i * step + 1;
            base[i] = (int) Math.floor(c) - 1;
            w[i] = bsplineWeights(c - Math.floor(c));
        }
        for (int z = 0; z < outShape[2]; z++) {
            for (int y = 0; y < outShape[1]; y++) {
                for (int x = 0; x < outShape[0]; x++) {
                    int i = axis == 0 ? x : axis == 1 ? y : z;
                    // The start of this sample's line of input nodes along the axis.
                    int inStart = (axis == 0 ? 0 : x)
                        + shape[0] * ((axis == 1 ? 0 : y) + shape[1] * (axis == 2 ? 0 : z));
                    double s = 0;
                    for (int m = 0; m < 4; m++) {
                        s += w[i][m] * in[inStart + (base[i] + m) * stride];
                    }
                    result[x + outShape[0] * (y + outShape[1] * z)] = (float) s;
                }
            }
        }
        return result;
    }

    private static double[] bsplineWeights(double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        return new double[] {
            (1 - t) * (1 - t) * (1 - t) / 6,
            (3 * t3 - 6 * t2 + 4) / 6,
            (-3 * t3 + 3 * t2 + 3 * t + 1) / 6,
            t3 / 6
        };
    }

    private static void normalise(float[] f) {
        double sum = 0;
        for (float v : f) {
            sum += v;
        }
        double mean = sum / f.length;
        double sq = 0;
        for (float v : f) {
            sq += (v - mean) * (v - mean);
        }
        double rms = Math.sqrt(sq / f.length);
        double scale = rms > 0 ? 1 / rms : 0;
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) ((f[i] - mean) * scale);
        }
    }
}
