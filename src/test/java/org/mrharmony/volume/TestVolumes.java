package org.mrharmony.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small volumes and affines for the tests of this package. */
final class TestVolumes {

    private TestVolumes() {
    }

    /** Each voxel holds x + 16 y + 256 z, exact in float for dims below 16, so its value says where it came from. */
    static Volume indexEncoded(int nx, int ny, int nz, Affine affine) {
        Volume v = new Volume(nx, ny, nz, affine);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    v.set(x, y, z, encode(x, y, z));
                }
            }
        }
        return v;
    }

    static float encode(int x, int y, int z) {
        return x + 16 * y + 256 * z;
    }

    /** {x, y, z} of an encoded value. */
    static int[] decode(float value) {
        int v = (int) value;
        return new int[] {v % 16, (v / 16) % 16, v / 256};
    }

    static Volume random(int nx, int ny, int nz, Affine affine, long seed) {
        Random r = new Random(seed);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian() * 100;
        }
        return new Volume(nx, ny, nz, d, affine);
    }

    /** The 6 permutations of (0, 1, 2). */
    static List<int[]> permutations() {
        List<int[]> out = new ArrayList<>();
        int[][] all = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : all) {
            out.add(p);
        }
        return out;
    }

    /**
     * An affine whose voxel axis v runs along world axis {@code worldAxis[v]} with sign
     * {@code sign[v]} and length {@code sizes[v]}, tilted by a small rotation about (1, 2, 3)
     * and translated, so the orientation is not trivially diagonal.
     */
    static Affine orientedAffine(int[] worldAxis, int[] sign, double[] sizes, double tiltDegrees) {
        double[][] rot = rotation(new double[] {1, 2, 3}, Math.toRadians(tiltDegrees));
        double[][] rows = new double[3][4];
        for (int v = 0; v < 3; v++) {
            for (int r = 0; r < 3; r++) {
                rows[r][v] = rot[r][worldAxis[v]] * sign[v] * sizes[v];
            }
        }
        rows[0][3] = -91.25;
        rows[1][3] = 17.5;
        rows[2][3] = -40.125;
        return Affine.of(rows);
    }

    /** Rodrigues' rotation about an axis. */
    static double[][] rotation(double[] axis, double angle) {
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        double x = axis[0] / n;
        double y = axis[1] / n;
        double z = axis[2] / n;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        return new double[][] {
            {t * x * x + c, t * x * y - s * z, t * x * z + s * y},
            {t * x * y + s * z, t * y * y + c, t * y * z - s * x},
            {t * x * z - s * y, t * y * z + s * x, t * z * z + c}
        };
    }
}
