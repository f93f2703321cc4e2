package org.mrharmony.volume;

/**
 * Reorientation to RAS+ by axis permutation and flips only: voxels are moved, never
 * interpolated, so the round trip through {@link #undo} is exact.
 */
public final class Reorient {

    private Reorient() {
    }

    /**
     * The volume with voxel axes along R, A, S (as far as its affine allows: an oblique volume
     * gets the closest axes, see {@link Orientation#of}), with an affine that keeps every
     * voxel's world position. Always returns a new array, even when already canonical.
     */
    public static Reoriented toCanonical(Volume volume) {
        ReorientTransform t = canonicalTransform(volume.grid());
        return new Reoriented(apply(volume, t), t);
    }

    /** The transform {@link #toCanonical} would apply to a volume on this grid. */
    public static ReorientTransform canonicalTransform(Grid grid) {
        Orientation o = Orientation.of(grid.affine());
        int[] sourceAxis = new int[3];
        boolean[] flip = new boolean[3];
        for (int world = 0; world < 3; world++) {
            int v = o.voxelAxisOf(world);
            sourceAxis[world] = v;
            flip[world] = o.sign()[v] < 0;
        }
        return new ReorientTransform(sourceAxis, flip, grid);
    }

    /** Reorients a volume on the transform's source grid. */
    public static Volume apply(Volume volume, ReorientTransform t) {
        if (!volume.grid().equals(t.source())) {
            throw new IllegalArgumentException("volume " + volume + " is not on the transform's source grid");
        }
        int[] dims = t.outputDims();
        float[] out = new float[volume.size()];
        copy(volume.data(), out, t, dims, true);
        return new Volume(dims[0], dims[1], dims[2], out, t.outputAffine());
    }

    /** The original volume, bit-identical in voxels and affine. */
    public static Volume undo(Reoriented reoriented) {
        return undo(reoriented.volume(), reoriented.transform());
    }

    /**
     * Takes a volume on the reoriented grid (the reoriented volume itself, or a result computed
     * from it) back to the source orientation. The affine returned is the source affine itself,
     * not a recomputation, so it is bit-identical to the input's.
     *
     * @throws IllegalArgumentException if the volume does not have the reoriented dimensions
     */
    public static Volume undo(Volume reoriented, ReorientTransform t) {
        int[] dims = t.outputDims();
        if (reoriented.nx() != dims[0] || reoriented.ny() != dims[1] || reoriented.nz() != dims[2]) {
            throw new IllegalArgumentException("cannot undo reorientation: volume is " + reoriented.nx() + "x"
                + reoriented.ny() + "x" + reoriented.nz() + ", expected " + dims[0] + "x" + dims[1] + "x" + dims[2]);
        }
        float[] src = new float[reoriented.size()];
        copy(src, reoriented.data(), t, dims, false);
        Grid g = t.source();
        return new Volume(g.nx(), g.ny(), g.nz(), src, g.affine());
    }

    /**
     * Walks the output grid and copies each voxel from (forward) or to (backward) its source
     * position. The source index moves by a fixed stride per output step, so no index maths
     * per voxel beyond additions.
     */
    private static void copy(float[] source, float[] output, ReorientTransform t, int[] dims, boolean forward) {
        Grid g = t.source();
        int[] sourceStride = {1, g.nx(), g.nx() * g.ny()};
        int[] sourceAxis = t.sourceAxis();
        boolean[] flip = t.flip();
        int[] step = new int[3];
        int start = 0;
        for (int a = 0; a < 3; a++) {
            int stride = sourceStride[sourceAxis[a]];
            step[a] = flip[a] ? -stride : stride;
            if (flip[a]) {
                start += (dims[a] - 1) * stride;
            }
        }
        int o = 0;
        for (int z = 0, sz = start; z < dims[2]; z++, sz += step[2]) {
            for (int y = 0, sy = sz; y < dims[1]; y++, sy += step[1]) {
                for (int x = 0, s = sy; x < dims[0]; x++, s += step[0], o++) {
                    if (forward) {
                        output[o] = source[s];
                    } else {
                        source[s] = output[o];
                    }
                }
            }
        }
    }
}
