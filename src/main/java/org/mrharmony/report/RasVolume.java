package org.mrharmony.report;

import java.util.Objects;

/**
 * A 3D image in RAS voxel order: {@code data[x + nx * (y + ny * z)]} with x increasing to the
 * subject's right, y to anterior, z to superior (a canonical, "closest to RAS" reoriented
 * volume), voxel sizes in millimetres. The array is not copied. A volume read from disk in
 * another orientation must be reoriented to RAS first (the volume package's job): this record
 * only promises that the slices come out the right way up when its data is RAS.
 */
public record RasVolume(int nx, int ny, int nz, float[] data, double dx, double dy, double dz) {

    public RasVolume {
        Objects.requireNonNull(data, "data");
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz != data.length) {
            throw new IllegalArgumentException("volume " + nx + "x" + ny + "x" + nz + " needs "
                + (long) nx * ny * nz + " voxels, got " + data.length);
        }
        for (double d : new double[] {dx, dy, dz}) {
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("voxel sizes must be positive: " + dx + ", " + dy + ", " + dz);
            }
        }
    }

    public float at(int x, int y, int z) {
        return data[x + nx * (y + ny * z)];
    }

    /** {@code a - b} voxel by voxel, e.g. harmonized minus truth; the grids must match. */
    public static RasVolume difference(RasVolume a, RasVolume b) {
        if (a.nx != b.nx || a.ny != b.ny || a.nz != b.nz) {
            throw new IllegalArgumentException("cannot subtract volumes of different size: " + a.nx + "x" + a.ny + "x"
                + a.nz + " and " + b.nx + "x" + b.ny + "x" + b.nz);
        }
        float[] d = new float[a.data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.data[i] - b.data[i];
        }
        return new RasVolume(a.nx, a.ny, a.nz, d, a.dx, a.dy, a.dz);
    }
}
