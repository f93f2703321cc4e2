package org.mrharmony.volume;

import java.util.Arrays;

/**
 * A 4x4 affine from voxel indices (i, j, k) to world millimetres (x, y, z), row-major.
 * Immutable; the last row is always (0, 0, 0, 1).
 */
public record Affine(double[] m) {

    public Affine {
        if (m.length != 16) {
            throw new IllegalArgumentException("an affine has 16 elements, got " + m.length);
        }
        m = m.clone();
    }

    public static Affine identity() {
        return diagonal(1, 1, 1);
    }

    /** Voxel sizes on the diagonal, no rotation or translation. */
    public static Affine diagonal(double sx, double sy, double sz) {
        return new Affine(new double[] {sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0, 0, 0, 0, 1});
    }

    public static Affine of(double[][] rows) {
        double[] m = new double[16];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                m[4 * r + c] = rows[r][c];
            }
        }
        m[15] = 1;
        return new Affine(m);
    }

    public double get(int row, int col) {
        return m[4 * row + col];
    }

    public double[][] toRows() {
        double[][] rows = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                rows[r][c] = m[4 * r + c];
            }
        }
        return rows;
    }

    /** World coordinates of a voxel position (fractional indices allowed). */
    public double[] apply(double i, double j, double k) {
        return new double[] {
            m[0] * i + m[1] * j + m[2] * k + m[3],
            m[4] * i + m[5] * j + m[6] * k + m[7],
            m[8] * i + m[9] * j + m[10] * k + m[11]
        };
    }

    public Affine multiply(Affine other) {
        double[] out = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += m[4 * r + k] * other.m[4 * k + c];
                }
                out[4 * r + c] = s;
            }
        }
        return new Affine(out);
    }

    /** Inverse of the affine (3x3 part by cofactors, then translation). */
    public Affine inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[4], e = m[5], f = m[6], g = m[8], h = m[9], i = m[10];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalStateException("affine is singular");
        }
        double[] r = {
            (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det
        };
        double[] out = new double[16];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                out[4 * row + col] = r[3 * row + col];
            }
            out[4 * row + 3] = -(r[3 * row] * m[3] + r[3 * row + 1] * m[7] + r[3 * row + 2] * m[11]);
        }
        out[15] = 1;
        return new Affine(out);
    }

    /**
     * The affine of a grid whose voxel (0, 0, 0) sits where this grid's voxel (di, dj, dk) is:
     * same axes, translation moved. Used by crops and pads so world positions stay put.
     */
    public Affine shiftedBy(double di, double dj, double dk) {
        double[] out = m.clone();
        double[] origin = apply(di, dj, dk);
        out[3] = origin[0];
        out[7] = origin[1];
        out[11] = origin[2];
        return new Affine(out);
    }

    /** Length in mm of one voxel step along each index axis (the column norms). */
    public double[] voxelSizes() {
        double[] s = new double[3];
        for (int c = 0; c < 3; c++) {
            s[c] = Math.sqrt(m[c] * m[c] + m[4 + c] * m[4 + c] + m[8 + c] * m[8 + c]);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Affine other && Arrays.equals(m, other.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return "Affine" + Arrays.toString(m);
    }
}
