package org.mrharmony.volume;

/**
 * 2D slices and 2.5D slice stacks out of a volume, and slices back into one. The layout of a
 * slice is described by {@link SlicePlane}.
 */
public final class Slices {

    private Slices() {
    }

    /**
     * A copy of slice {@code index} across {@code axis}, row-major with the lower in-plane axis
     * fastest (see {@link SlicePlane}).
     *
     * @throws IllegalArgumentException if the index is outside the volume
     */
    public static float[] extract(Volume volume, int axis, int index) {
        SlicePlane plane = SlicePlane.of(volume, axis);
        checkIndex(plane, index);
        float[] out = new float[plane.area()];
        walk(volume, plane, index, out, true);
        return out;
    }

    /**
     * Writes a slice into {@code volume} in place (this is the one method here that mutates:
     * re-stacking fills a volume slice by slice).
     *
     * @throws IllegalArgumentException if the index is outside the volume or the slice has the wrong size
     */
    public static void insert(Volume volume, int axis, int index, float[] slice) {
        SlicePlane plane = SlicePlane.of(volume, axis);
        checkIndex(plane, index);
        if (slice.length != plane.area()) {
            throw new IllegalArgumentException("slice has " + slice.length + " values, plane across axis " + axis
                + " needs " + plane.width() + "x" + plane.height());
        }
        walk(volume, plane, index, slice, false);
    }

    /**
     * A 2.5D stack of {@code channels} adjacent slices centred on {@code centre}: channel c is
     * slice {@code centre - channels/2 + c}. Slices beyond the first or last are replaced by the
     * first or last slice (edge replication), so every stack of a volume has the same shape.
     *
     * @param channels an odd number, so the stack has a centre slice
     * @return {@code channels} arrays, each one slice as from {@link #extract}
     */
    public static float[][] stack(Volume volume, int axis, int centre, int channels) {
        SlicePlane plane = SlicePlane.of(volume, axis);
        checkIndex(plane, centre);
        if (channels < 1 || channels % 2 == 0) {
            throw new IllegalArgumentException("a slice stack needs an odd number of channels, got " + channels);
        }
        float[][] out = new float[channels][];
        for (int c = 0; c < channels; c++) {
            int k = Math.min(Math.max(centre - channels / 2 + c, 0), plane.count() - 1);
            out[c] = extract(volume, axis, k);
        }
        return out;
    }

    /** The same stack as {@link #stack} in one array, channel-major: channel c starts at {@code c * width * height}. */
    public static float[] stackFlat(Volume volume, int axis, int centre, int channels) {
        float[][] stack = stack(volume, axis, centre, channels);
        int area = stack[0].length;
        float[] out = new float[channels * area];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(stack[c], 0, out, c * area, area);
        }
        return out;
    }

    private static void checkIndex(SlicePlane plane, int index) {
        if (index < 0 || index >= plane.count()) {
            throw new IllegalArgumentException("slice index " + index + " outside 0.." + (plane.count() - 1)
                + " across axis " + plane.axis());
        }
    }

    /** Copies between the volume and a slice buffer, in the slice's row-major order. */
    private static void walk(Volume volume, SlicePlane plane, int index, float[] slice, boolean toSlice) {
        int[] stride = {1, volume.nx(), volume.nx() * volume.ny()};
        int base = index * stride[plane.axis()];
        int du = stride[plane.widthAxis()];
        int dv = stride[plane.heightAxis()];
        float[] data = volume.data();
        int p = 0;
        for (int v = 0; v < plane.height(); v++) {
            int row = base + v * dv;
            for (int u = 0; u < plane.width(); u++, p++) {
                if (toSlice) {
                    slice[p] = data[row + u * du];
                } else {
                    data[row + u * du] = slice[p];
                }
            }
        }
    }
}
