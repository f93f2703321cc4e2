package org.mrharmony.volume;

import java.util.Arrays;
import java.util.Optional;

/**
 * A binary mask over a voxel grid's dimensions, in the same x-fastest order as {@link Volume}.
 * Immutable: operations return new masks.
 */
public final class Mask {

    private final int nx;
    private final int ny;
    private final int nz;
    private final boolean[] bits;

    private Mask(int[] dims, boolean[] bits) {
        if ((long) dims[0] * dims[1] * dims[2] != bits.length) {
            throw new IllegalArgumentException("mask length " + bits.length + " does not match "
                + dims[0] + "x" + dims[1] + "x" + dims[2]);
        }
        this.nx = dims[0];
        this.ny = dims[1];
        this.nz = dims[2];
        this.bits = bits;
    }

    /** A mask with a copy of {@code bits}, x fastest. */
    public static Mask of(int nx, int ny, int nz, boolean[] bits) {
        return new Mask(new int[] {nx, ny, nz}, bits.clone());
    }

    /** Takes ownership of {@code bits} without copying (for the algorithms of this package). */
    static Mask wrap(int[] dims, boolean[] bits) {
        return new Mask(dims, bits);
    }

    /** Every voxel of the volume. */
    public static Mask all(Volume volume) {
        boolean[] bits = new boolean[volume.size()];
        Arrays.fill(bits, true);
        return wrap(volume.dims(), bits);
    }

    /** The voxels strictly above a threshold. */
    public static Mask above(Volume volume, double threshold) {
        float[] data = volume.data();
        boolean[] bits = new boolean[data.length];
        for (int i = 0; i < data.length; i++) {
            bits[i] = data[i] > threshold;
        }
        return wrap(volume.dims(), bits);
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

    public int[] dims() {
        return new int[] {nx, ny, nz};
    }

    public int size() {
        return bits.length;
    }

    public boolean get(int index) {
        return bits[index];
    }

    public boolean get(int x, int y, int z) {
        return bits[x + nx * (y + ny * z)];
    }

    /** A copy of the bits, x fastest. */
    public boolean[] toArray() {
        return bits.clone();
    }

    /** Number of voxels in the mask. */
    public int count() {
        int c = 0;
        for (boolean b : bits) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** The smallest box holding every voxel of the mask; empty for an empty mask. */
    public Optional<IndexBox> boundingBox() {
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] max = {-1, -1, -1};
        int i = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (bits[i]) {
                        min[0] = Math.min(min[0], x);
                        min[1] = Math.min(min[1], y);
                        min[2] = Math.min(min[2], z);
                        max[0] = Math.max(max[0], x);
                        max[1] = Math.max(max[1], y);
                        max[2] = Math.max(max[2], z);
                    }
                }
            }
        }
        return max[0] < 0 ? Optional.empty() : Optional.of(IndexBox.fromMinMax(min, max));
    }

    /** Dice overlap 2|A∩B| / (|A| + |B|); 1 for two empty masks. */
    public double dice(Mask other) {
        requireSameDims(other);
        long both = 0;
        long a = 0;
        long b = 0;
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                a++;
            }
            if (other.bits[i]) {
                b++;
            }
            if (bits[i] && other.bits[i]) {
                both++;
            }
        }
        return a + b == 0 ? 1.0 : 2.0 * both / (a + b);
    }

    /** The mask as a volume of 0 and 1 on the given grid. */
    public Volume toVolume(Grid grid) {
        if (grid.nx() != nx || grid.ny() != ny || grid.nz() != nz) {
            throw new IllegalArgumentException("grid " + grid + " does not match mask " + nx + "x" + ny + "x" + nz);
        }
        float[] data = new float[bits.length];
        for (int i = 0; i < bits.length; i++) {
            data[i] = bits[i] ? 1f : 0f;
        }
        return new Volume(nx, ny, nz, data, grid.affine());
    }

    void requireSameDims(Mask other) {
        if (other.nx != nx || other.ny != ny || other.nz != nz) {
            throw new IllegalArgumentException("masks differ in size: " + Arrays.toString(dims()) + " vs "
                + Arrays.toString(other.dims()));
        }
    }

    /** Checks that a volume has the mask's dimensions. */
    void requireSameDims(Volume volume) {
        if (volume.nx() != nx || volume.ny() != ny || volume.nz() != nz) {
            throw new IllegalArgumentException("mask " + Arrays.toString(dims()) + " does not match " + volume);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask other && nx == other.nx && ny == other.ny && nz == other.nz
            && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "Mask[" + nx + "x" + ny + "x" + nz + ", " + count() + " voxels]";
    }
}
