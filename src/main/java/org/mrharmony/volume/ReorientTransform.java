package org.mrharmony.volume;

import java.util.Arrays;

/**
 * How a volume was reoriented by axis permutation and flips, and the grid it came from, so
 * the reorientation can be undone exactly.
 *
 * <p>Output axis {@code a} is source axis {@code sourceAxis[a]}; when {@code flip[a]} the
 * index runs backwards: output index {@code o} is source index {@code n - 1 - o}.
 *
 * @param sourceAxis for each output axis, the source voxel axis it comes from
 * @param flip       for each output axis, whether its index is reversed
 * @param source     the grid (dimensions and affine) of the volume before reorientation
 */
public record ReorientTransform(int[] sourceAxis, boolean[] flip, Grid source) {

    public ReorientTransform {
        if (sourceAxis.length != 3 || flip.length != 3) {
            throw new IllegalArgumentException("a reorientation has three axes");
        }
        int[] sorted = sourceAxis.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, new int[] {0, 1, 2})) {
            throw new IllegalArgumentException("source axes must be a permutation of 0, 1, 2: "
                + Arrays.toString(sourceAxis));
        }
        sourceAxis = sourceAxis.clone();
        flip = flip.clone();
    }

    @Override
    public int[] sourceAxis() {
        return sourceAxis.clone();
    }

    @Override
    public boolean[] flip() {
        return flip.clone();
    }

    /** Dimensions of the reoriented volume. */
    public int[] outputDims() {
        int[] d = new int[3];
        for (int a = 0; a < 3; a++) {
            d[a] = source.dim(sourceAxis[a]);
        }
        return d;
    }

    /** True when the reorientation changes nothing. */
    public boolean isIdentity() {
        return Arrays.equals(sourceAxis, new int[] {0, 1, 2}) && !flip[0] && !flip[1] && !flip[2];
    }

    /**
     * The affine of the reoriented grid: source affine times the matrix taking output indices
     * to source indices, so every voxel keeps its world position.
     */
    public Affine outputAffine() {
        double[] t = new double[16];
        for (int a = 0; a < 3; a++) {
            int s = sourceAxis[a];
            t[4 * s + a] = flip[a] ? -1 : 1;
            t[4 * s + 3] = flip[a] ? source.dim(s) - 1 : 0;
        }
        t[15] = 1;
        return source.affine().multiply(new Affine(t));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReorientTransform other && Arrays.equals(sourceAxis, other.sourceAxis)
            && Arrays.equals(flip, other.flip) && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return (31 * Arrays.hashCode(sourceAxis) + Arrays.hashCode(flip)) * 31 + source.hashCode();
    }

    @Override
    public String toString() {
        return "ReorientTransform[sourceAxis=" + Arrays.toString(sourceAxis) + ", flip=" + Arrays.toString(flip)
            + ", source=" + source + "]";
    }
}
