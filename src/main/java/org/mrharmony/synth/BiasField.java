package org.mrharmony.synth;

import java.util.Random;

/**
 * A scanner's smooth multiplicative bias (coil sensitivity) field:
 * {@code exp(amplitude * p(x, y, z))} with p a random second-order polynomial in coordinates
 * scaled to [-1, 1] over the grid, centred and normalised over the ball inscribed in the grid
 * (where the head is) to mean 0 and max |p| = 1, and clipped to [-1, 1] in the corners. The
 * field thus lies in [e^-amplitude, e^amplitude] and spans most of that range across a head;
 * the same seed gives the same pattern on any grid.
 */
final class BiasField {

    private static final int TERMS = 9;

    private BiasField() {
    }

    static float[] generate(int[] dims, double amplitude, long seed) {
        int n = dims[0] * dims[1] * dims[2];
        float[] field = new float[n];
        if (amplitude == 0) {
            java.util.Arrays.fill(field, 1f);
            return field;
        }
        Random random = new Random(seed);
        double[] c = new double[TERMS];
        for (int t = 0; t < TERMS; t++) {
            c[t] = random.nextGaussian();
        }
        float[] p = new float[n];
        boolean[] inBall = new boolean[n];
        double sum = 0;
        int count = 0;
        for (int z = 0, i = 0; z < dims[2]; z++) {
            double w = unit(z, dims[2]);
            for (int y = 0; y < dims[1]; y++) {
                double v = unit(y, dims[1]);
                for (int x = 0; x < dims[0]; x++, i++) {
                    double u = unit(x, dims[0]);
                    double value = c[0] * u + c[1] * v + c[2] * w + c[3] * u * u + c[4] * v * v + c[5] * w * w
                        + c[6] * u * v + c[7] * u * w + c[8] * v * w;
                    p[i] = (float) value;
                    inBall[i] = u * u + v * v + w * w <= 1;
                    if (inBall[i]) {
                        sum += value;
                        count++;
                    }
                }
            }
        }
        double mean = count > 0 ? sum / count : 0;
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            if (inBall[i]) {
                maxAbs = Math.max(maxAbs, Math.abs(p[i] - mean));
            }
        }
        for (int i = 0; i < n; i++) {
            double q = maxAbs > 0 ? Math.max(-1, Math.min(1, (p[i] - mean) / maxAbs)) : 0;
            field[i] = (float) Math.exp(amplitude * q);
        }
        return field;
    }

    /** Index to [-1, 1] across the axis. */
    private static double unit(int i, int n) {
        return n == 1 ? 0 : 2.0 * i / (n - 1) - 1;
    }
}
