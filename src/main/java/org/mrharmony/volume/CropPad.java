package org.mrharmony.volume;

import java.util.Arrays;

/**
 * Crops and pads by index boxes. Voxels keep their world positions: the affine of a cut-out
 * box is shifted so its voxel (0, 0, 0) lies where the source voxel {@code box.offset} was.
 */
public final class CropPad {

    private CropPad() {
    }

    /**
     * The voxels of {@code box} as a new volume; output voxel {@code o} is source voxel
     * {@code o + box.offset}. Where the box reaches outside the source, voxels are {@code fill}.
     */
    public static Volume extract(Volume source, IndexBox box, float fill) {
        int[] off = box.offset();
        int[] dims = box.dims();
        Affine affine = source.affine().shiftedBy(off[0], off[1], off[2]);
        Volume out = new Volume(dims[0], dims[1], dims[2], affine);
        copyOverlap(source, off, out, fill);
        return out;
    }

    /**
     * A crop to a box that must lie inside the volume (no padding).
     *
     * @throws IllegalArgumentException if the box reaches outside the volume
     */
    public static Volume crop(Volume source, IndexBox box) {
        if (!box.isInside(source.grid())) {
            throw new IllegalArgumentException("crop box " + box + " reaches outside " + source);
        }
        return extract(source, box, 0f);
    }

    /**
     * The in-plane crop or pad to {@code width x height}, centred (see
     * {@link IndexBox#centredInPlane}); padding is {@code fill}.
     */
    public static Volume toInPlaneSize(Volume source, int sliceAxis, int width, int height, float fill) {
        return extract(source, IndexBox.centredInPlane(source.grid(), sliceAxis, width, height), fill);
    }

    /**
     * The inverse of {@link #extract}: puts a volume cut out with {@code box} back onto the
     * grid it was cut from. Source voxels that were cropped away are {@code fill}; the padding
     * is dropped. The returned affine is {@code original.affine()} itself, bit-identical.
     *
     * @throws IllegalArgumentException if the volume does not have the box's dimensions
     */
    public static Volume restore(Volume extracted, IndexBox box, Grid original, float fill) {
        int[] dims = box.dims();
        if (extracted.nx() != dims[0] || extracted.ny() != dims[1] || extracted.nz() != dims[2]) {
            throw new IllegalArgumentException("cannot restore: volume " + extracted + " does not match box " + box);
        }
        int[] off = box.offset();
        Volume out = original.newVolume();
        copyOverlap(extracted, new int[] {-off[0], -off[1], -off[2]}, out, fill);
        return out;
    }

    /** Sets every voxel o of {@code target} to {@code source[o + offset]}, or to fill where that is outside. */
    private static void copyOverlap(Volume source, int[] offset, Volume target, float fill) {
        float[] dst = target.data();
        float[] src = source.data();
        int nx = target.nx();
        // The x range of target whose source x is inside: the same for every row.
        int x0 = Math.max(0, -offset[0]);
        int x1 = Math.min(nx, source.nx() - offset[0]);
        for (int z = 0; z < target.nz(); z++) {
            int sz = z + offset[2];
            for (int y = 0; y < target.ny(); y++) {
                int sy = y + offset[1];
                int row = target.index(0, y, z);
                if (sz < 0 || sz >= source.nz() || sy < 0 || sy >= source.ny() || x1 <= x0) {
                    Arrays.fill(dst, row, row + nx, fill);
                    continue;
                }
                Arrays.fill(dst, row, row + x0, fill);
                System.arraycopy(src, source.index(x0 + offset[0], sy, sz), dst, row + x0, x1 - x0);
                Arrays.fill(dst, row + x1, row + nx, fill);
            }
        }
    }
}
