package org.mrharmony.synth;

/**
 * Sampling a voxel array between voxel centres. Interim: to be replaced by the volume
 * package's Resample once it is in main.
 */
final class Trilinear {

    private Trilinear() {
    }

    /** Trilinear value at continuous voxel coordinates, edge voxels replicated beyond the grid. */
    static float sample(float[] f, int[] dims, double x, double y, double z) {
        int nx = dims[0];
        int ny = dims[1];
        int nz = dims[2];
        double cx = Math.min(Math.max(x, 0), nx - 1);
        double cy = Math.min(Math.max(y, 0), ny - 1);
        double cz = Math.min(Math.max(z, 0), nz - 1);
        int x0 = (int) cx;
        int y0 = (int) cy;
        int z0 = (int) cz;
        int x1 = Math.min(x0 + 1, nx - 1);
        int y1 = Math.min(y0 + 1, ny - 1);
        int z1 = Math.min(z0 + 1, nz - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double fz = cz - z0;
        double c00 = f[x0 + nx * (y0 + ny * z0)] * (1 - fx) + f[x1 + nx * (y0 + ny * z0)] * fx;
        double c10 = f[x0 + nx * (y1 + ny * z0)] * (1 - fx) + f[x1 + nx * (y1 + ny * z0)] * fx;
        double c01 = f[x0 + nx * (y0 + ny * z1)] * (1 - fx) + f[x1 + nx * (y0 + ny * z1)] * fx;
        double c11 = f[x0 + nx * (y1 + ny * z1)] * (1 - fx) + f[x1 + nx * (y1 + ny * z1)] * fx;
        return (float) ((c00 * (1 - fy) + c10 * fy) * (1 - fz) + (c01 * (1 - fy) + c11 * fy) * fz);
    }

    /** Nearest-voxel value, edge voxels replicated beyond the grid. */
    static float nearest(float[] f, int[] dims, double x, double y, double z) {
        int ix = (int) Math.min(Math.max(Math.round(x), 0), dims[0] - 1);
        int iy = (int) Math.min(Math.max(Math.round(y), 0), dims[1] - 1);
        int iz = (int) Math.min(Math.max(Math.round(z), 0), dims[2] - 1);
        return f[ix + dims[0] * (iy + dims[1] * iz)];
    }
}
