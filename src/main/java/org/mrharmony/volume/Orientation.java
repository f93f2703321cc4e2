package org.mrharmony.volume;

import java.util.Arrays;

/**
 * Which world axis each voxel axis runs along, and in which direction: the voxel-to-world
 * orientation of an affine reduced to a signed permutation.
 *
 * <p>World axes are scanner RAS+: x towards the patient's Right, y Anterior, z Superior.
 * The code of a voxel axis names the direction its index increases towards, as in nibabel:
 * "RAS" means i runs to the Right, j to Anterior, k to Superior; "LPS" is the DICOM layout.
 *
 * @param worldAxis for voxel axis 0, 1, 2 the world axis (0 = x, 1 = y, 2 = z) it is closest to
 * @param sign      +1 when the index increases along the world axis, -1 when against it
 */
public record Orientation(int[] worldAxis, int[] sign) {

    private static final String POSITIVE = "RAS";
    private static final String NEGATIVE = "LPI";

    /** RAS+: the canonical orientation, where voxel axes follow world axes. */
    public static final Orientation RAS = new Orientation(new int[] {0, 1, 2}, new int[] {1, 1, 1});

    public Orientation {
        if (worldAxis.length != 3 || sign.length != 3) {
            throw new IllegalArgumentException("an orientation has three axes");
        }
        boolean[] seen = new boolean[3];
        for (int v = 0; v < 3; v++) {
            if (worldAxis[v] < 0 || worldAxis[v] > 2 || seen[worldAxis[v]]) {
                throw new IllegalArgumentException("world axes must be a permutation of 0, 1, 2: "
                    + Arrays.toString(worldAxis));
            }
            seen[worldAxis[v]] = true;
            if (sign[v] != 1 && sign[v] != -1) {
                throw new IllegalArgumentException("signs must be +1 or -1: " + Arrays.toString(sign));
            }
        }
        worldAxis = worldAxis.clone();
        sign = sign.clone();
    }

    /**
     * The orientation of an affine, as nibabel's {@code io_orientation}: voxel sizes and
     * shears are removed (the closest rotation, by polar decomposition), then each voxel axis
     * in turn takes the world axis its direction is most aligned with, among those not yet taken.
     *
     * @throws IllegalArgumentException if the 3x3 part of the affine is singular
     */
    public static Orientation of(Affine affine) {
        double[][] r = closestRotation(affine);
        int[] axes = new int[3];
        int[] signs = new int[3];
        for (int v = 0; v < 3; v++) {
            int best = 0;
            for (int w = 1; w < 3; w++) {
                if (Math.abs(r[w][v]) > Math.abs(r[best][v])) {
                    best = w;
                }
            }
            axes[v] = best;
            signs[v] = r[best][v] < 0 ? -1 : 1;
            // A world axis goes to one voxel axis only: remove it from consideration.
            Arrays.fill(r[best], 0);
        }
        return new Orientation(axes, signs);
    }

    @Override
    public int[] worldAxis() {
        return worldAxis.clone();
    }

    @Override
    public int[] sign() {
        return sign.clone();
    }

    /** Parses a code such as "RAS", "LPS" or "PIR" (case-insensitive). */
    public static Orientation fromCode(String code) {
        if (code.length() != 3) {
            throw new IllegalArgumentException("an orientation code has three letters: " + code);
        }
        int[] axes = new int[3];
        int[] signs = new int[3];
        for (int v = 0; v < 3; v++) {
            char c = Character.toUpperCase(code.charAt(v));
            int pos = POSITIVE.indexOf(c);
            int neg = NEGATIVE.indexOf(c);
            if (pos < 0 && neg < 0) {
                throw new IllegalArgumentException("not an orientation letter (RLAPSI): " + c + " in " + code);
            }
            axes[v] = pos >= 0 ? pos : neg;
            signs[v] = pos >= 0 ? 1 : -1;
        }
        return new Orientation(axes, signs);
    }

    /** The three-letter code, e.g. "RAS". */
    public String code() {
        StringBuilder sb = new StringBuilder(3);
        for (int v = 0; v < 3; v++) {
            sb.append((sign[v] > 0 ? POSITIVE : NEGATIVE).charAt(worldAxis[v]));
        }
        return sb.toString();
    }

    public boolean isCanonical() {
        return equals(RAS);
    }

    /** The voxel axis that runs along a world axis. */
    public int voxelAxisOf(int world) {
        for (int v = 0; v < 3; v++) {
            if (worldAxis[v] == world) {
                return v;
            }
        }
        throw new IllegalArgumentException("world axis must be 0, 1 or 2: " + world);
    }

    /**
     * The rotation closest to the affine's 3x3 part with unit columns (the orthogonal polar
     * factor), by Newton's iteration X <- (X + X^-T) / 2, which converges quadratically for
     * any non-singular start. A 3x3 SVD would do the same; this needs no library.
     */
    private static double[][] closestRotation(Affine affine) {
        double[][] x = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double norm = Math.sqrt(sq(affine.get(0, c)) + sq(affine.get(1, c)) + sq(affine.get(2, c)));
            if (norm == 0) {
                throw new IllegalArgumentException("affine has a zero column " + c + ": " + affine);
            }
            for (int r = 0; r < 3; r++) {
                x[r][c] = affine.get(r, c) / norm;
            }
        }
        for (int iter = 0; iter < 100; iter++) {
            double[][] invT = inverseTranspose(x);
            double change = 0;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    double next = 0.5 * (x[r][c] + invT[r][c]);
                    change = Math.max(change, Math.abs(next - x[r][c]));
                    x[r][c] = next;
                }
            }
            if (change < 1e-14) {
                break;
            }
        }
        return x;
    }

    private static double[][] inverseTranspose(double[][] a) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
            - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
            + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("affine is singular: its axes are not independent");
        }
        double[][] t = new double[3][3];
        // (A^-1)^T = cofactor matrix / det.
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int r1 = (r + 1) % 3;
                int r2 = (r + 2) % 3;
                int c1 = (c + 1) % 3;
                int c2 = (c + 2) % 3;
                t[r][c] = (a[r1][c1] * a[r2][c2] - a[r1][c2] * a[r2][c1]) / det;
            }
        }
        return t;
    }

    private static double sq(double v) {
        return v * v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Orientation other
            && Arrays.equals(worldAxis, other.worldAxis) && Arrays.equals(sign, other.sign);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(worldAxis) + Arrays.hashCode(sign);
    }

    @Override
    public String toString() {
        return code();
    }
}
