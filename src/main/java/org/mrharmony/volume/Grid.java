package org.mrharmony.volume;

/**
 * The geometry of a voxel grid without its voxels: dimensions and the affine from voxel
 * indices to world millimetres. A resampling target, or what a volume must be put back onto.
 */
public record Grid(int nx, int ny, int nz, Affine affine) {

    public Grid {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if (affine == null) {
            throw new IllegalArgumentException("a grid needs an affine");
        }
    }

    public static Grid of(int[] dims, Affine affine) {
        return new Grid(dims[0], dims[1], dims[2], affine);
    }

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
        return Math.multiplyExact(Math.multiplyExact(nx, ny), nz);
    }

    /** A zero-filled volume on this grid. */
    public Volume newVolume() {
        return new Volume(nx, ny, nz, affine);
    }
}
