package org.mrharmony.volume;

/**
 * The 6-connected neighbourhood (face neighbours) of a voxel in a flat x-fastest grid, without
 * wrapping across rows or slices. Shared by the region growing and the morphology here.
 */
final class Neighbours6 {

    private final int nx;
    private final int ny;
    private final int nz;
    private final int plane;

    Neighbours6(int[] dims) {
        this.nx = dims[0];
        this.ny = dims[1];
        this.nz = dims[2];
        this.plane = nx * ny;
    }

    /**
     * Writes the indices of the existing face neighbours of voxel {@code i} into {@code out}
     * (length at least 6) and returns how many there are.
     */
    int of(int i, int[] out) {
        int x = i % nx;
        int y = (i / nx) % ny;
        int z = i / plane;
        int n = 0;
        if (x > 0) {
            out[n++] = i - 1;
        }
        if (x < nx - 1) {
            out[n++] = i + 1;
        }
        if (y > 0) {
            out[n++] = i - nx;
        }
        if (y < ny - 1) {
            out[n++] = i + nx;
        }
        if (z > 0) {
            out[n++] = i - plane;
        }
        if (z < nz - 1) {
            out[n++] = i + plane;
        }
        return n;
    }

    /**
     * True when the voxel lies on a face of the grid. Axes of size 1 have no faces, so a
     * single slice behaves as a 2D image (its every voxel is not "on the border" in z).
     */
    boolean onBorder(int i) {
        int x = i % nx;
        int y = (i / nx) % ny;
        int z = i / plane;
        return onFace(x, nx) || onFace(y, ny) || onFace(z, nz);
    }

    private static boolean onFace(int c, int n) {
        return n > 1 && (c == 0 || c == n - 1);
    }
}
