package org.mrharmony.volume;

import java.util.Arrays;

/**
 * A 3D scalar image: float voxels plus the affine that places them in the world.
 *
 * <p>Storage is one flat array with x fastest, then y, then z (NIfTI order), so a volume
 * read from a file needs no reshuffling. The array is shared, not copied: algorithms that
 * must not modify their input take a {@link #copy()}.
 */
public final class Volume {

    private final int nx;
    private final int ny;
    private final int nz;
    private final float[] data;
    private final Affine affine;

    public Volume(int nx, int ny, int nz, float[] data, Affine affine) {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz != data.length) {
            throw new IllegalArgumentException("data length " + data.length + " does not match "
                + nx + "x" + ny + "x" + nz);
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.data = data;
        this.affine = affine;
    }

    /** A zero-filled volume. */
    public Volume(int nx, int ny, int nz, Affine affine) {
        this(nx, ny, nz, new float[Math.multiplyExact(Math.multiplyExact(nx, ny), nz)], affine);
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    /** Size along axis 0, 1 or 2. */
    public int dim(int axis) {
        return switch (axis) {
            case 0 -> nx;
            case 1 -> ny;
            case 2 -> nz;
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2: " + axis);
        };
    }

    public int[] dims() {
        return new int[] {nx, ny, nz};
    }

    public int size() {
        return data.length;
    }

    /** The backing array, x fastest. */
    public float[] data() {
        return data;
    }

    public Affine affine() {
        return affine;
    }

    /** The geometry of this volume, without its voxels. */
    public Grid grid() {
        return new Grid(nx, ny, nz, affine);
    }

    public double[] voxelSizes() {
        return affine.voxelSizes();
    }

    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    public float get(int x, int y, int z) {
        return data[x + nx * (y + ny * z)];
    }

    public void set(int x, int y, int z, float v) {
        data[x + nx * (y + ny * z)] = v;
    }

    public boolean contains(int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz;
    }

    public Volume copy() {
        return new Volume(nx, ny, nz, data.clone(), affine);
    }

    /** A volume with the same geometry and new voxels. */
    public Volume withData(float[] newData) {
        return new Volume(nx, ny, nz, newData, affine);
    }

    public boolean sameGridAs(Volume other) {
        return nx == other.nx && ny == other.ny && nz == other.nz && affine.equals(other.affine);
    }

    @Override
    public String toString() {
        return "Volume[" + nx + "x" + ny + "x" + nz + ", voxel " + Arrays.toString(voxelSizes()) + " mm]";
    }
}
