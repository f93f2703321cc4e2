package org.mrharmony.volume;

/**
 * The shape of the 2D slices of a volume taken across one axis.
 *
 * <p>The two in-plane axes are the remaining volume axes in increasing order; the lower one
 * runs along the slice's width and is the fastest in the flat array (row-major, {@code
 * height} rows of {@code width} values). Across axis 0 that is (y, z), across axis 1 (x, z),
 * across axis 2 (x, y); so an axial slice of a RAS volume has x fastest, exactly as in the volume.
 *
 * @param axis      the axis the slices are taken across (0, 1 or 2)
 * @param widthAxis the in-plane axis along a row (fastest)
 * @param heightAxis the in-plane axis across rows
 * @param width     slice width (size of {@code widthAxis})
 * @param height    slice height (size of {@code heightAxis})
 * @param count     number of slices (size of {@code axis})
 */
public record SlicePlane(int axis, int widthAxis, int heightAxis, int width, int height, int count) {

    public static SlicePlane of(Grid grid, int axis) {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("slice axis must be 0, 1 or 2: " + axis);
        }
        int u = axis == 0 ? 1 : 0;
        int v = axis == 2 ? 1 : 2;
        return new SlicePlane(axis, u, v, grid.dim(u), grid.dim(v), grid.dim(axis));
    }

    public static SlicePlane of(Volume volume, int axis) {
        return of(volume.grid(), axis);
    }

    /** Number of values in one slice. */
    public int area() {
        return width * height;
    }
}
