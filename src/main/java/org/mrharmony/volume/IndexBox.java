package org.mrharmony.volume;

import java.util.Arrays;

/**
 * A box of voxel indices: {@code dims} voxels from {@code offset} along each axis. It may
 * reach outside the grid it refers to (negative offset, or beyond the last voxel): that part
 * is padding when the box is cut out with {@link CropPad#extract}.
 */
public record IndexBox(int[] offset, int[] dims) {

    public IndexBox {
        if (offset.length != 3 || dims.length != 3) {
            throw new IllegalArgumentException("an index box has three axes");
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("box dimensions must be positive: " + Arrays.toString(dims));
            }
        }
        offset = offset.clone();
        dims = dims.clone();
    }

    /** The box from {@code min} to {@code max}, both inclusive. */
    public static IndexBox fromMinMax(int[] min, int[] max) {
        return new IndexBox(min, new int[] {max[0] - min[0] + 1, max[1] - min[1] + 1, max[2] - min[2] + 1});
    }

    /** The whole grid. */
    public static IndexBox of(Grid grid) {
        return new IndexBox(new int[3], grid.dims());
    }

    /**
     * A box of the given in-plane size centred on the grid's in-plane extent, whole along the
     * slicing axis: a crop where the grid is larger, a pad where it is smaller. When the
     * difference is odd the extra voxel of padding goes before the data and the extra voxel of
     * cropping is taken after it ({@code offset = floor((n - target) / 2)}).
     *
     * @param width  size along the plane's width axis (see {@link SlicePlane})
     * @param height size along the plane's height axis
     */
    public static IndexBox centredInPlane(Grid grid, int sliceAxis, int width, int height) {
        SlicePlane plane = SlicePlane.of(grid, sliceAxis);
        int[] offset = new int[3];
        int[] dims = grid.dims();
        offset[plane.widthAxis()] = Math.floorDiv(plane.width() - width, 2);
        dims[plane.widthAxis()] = width;
        offset[plane.heightAxis()] = Math.floorDiv(plane.height() - height, 2);
        dims[plane.heightAxis()] = height;
        return new IndexBox(offset, dims);
    }

    @Override
    public int[] offset() {
        return offset.clone();
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Last index inside the box along an axis. */
    public int max(int axis) {
        return offset[axis] + dims[axis] - 1;
    }

    /** The box grown by {@code margin} voxels on every side (shrunk when negative). */
    public IndexBox grow(int margin) {
        return new IndexBox(
            new int[] {offset[0] - margin, offset[1] - margin, offset[2] - margin},
            new int[] {dims[0] + 2 * margin, dims[1] + 2 * margin, dims[2] + 2 * margin});
    }

    /** The part of the box inside a grid of the given dimensions. */
    public IndexBox clampTo(Grid grid) {
        int[] min = new int[3];
        int[] max = new int[3];
        for (int a = 0; a < 3; a++) {
            min[a] = Math.max(offset[a], 0);
            max[a] = Math.min(max(a), grid.dim(a) - 1);
            if (max[a] < min[a]) {
                throw new IllegalArgumentException("box " + this + " does not overlap the grid");
            }
        }
        return fromMinMax(min, max);
    }

    /** True when every voxel of the box lies on the grid. */
    public boolean isInside(Grid grid) {
        for (int a = 0; a < 3; a++) {
            if (offset[a] < 0 || max(a) >= grid.dim(a)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexBox other && Arrays.equals(offset, other.offset) && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(offset) + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return "IndexBox[offset=" + Arrays.toString(offset) + ", dims=" + Arrays.toString(dims) + "]";
    }
}
