package org.mrharmony.volume;

/**
 * Binary morphology with the 6-connected cross (a voxel and its face neighbours) as the
 * structuring element; {@code radius} applies it that many times.
 */
public final class Morphology {

    private Morphology() {
    }

    /** Adds every face neighbour of the mask, {@code radius} times. Outside the grid is background. */
    public static Mask dilate(Mask mask, int radius) {
        return repeat(mask, radius, true);
    }

    /**
     * Removes every voxel with a face neighbour outside the mask, {@code radius} times. Outside
     * the grid is background, so a mask touching the grid's faces is eroded from there too.
     */
    public static Mask erode(Mask mask, int radius) {
        return repeat(mask, radius, false);
    }

    /**
     * Dilation then erosion: fills gaps and dents where the structuring element does not fit
     * from outside. Computed as on an unbounded background (the mask is padded by {@code
     * radius} first), so closing never removes a voxel of the input and does not grow along
     * the grid's faces.
     */
    public static Mask close(Mask mask, int radius) {
        if (radius == 0) {
            return mask;
        }
        return crop(erode(dilate(pad(mask, radius), radius), radius), radius);
    }

    /**
     * Fills holes: every background voxel not 6-connected to the grid's faces through
     * background becomes foreground. A single-slice grid is filled as a 2D image (see
     * {@link Neighbours6#onBorder}).
     */
    public static Mask fillHoles(Mask mask) {
        int n = mask.size();
        Neighbours6 nb = new Neighbours6(mask.dims());
        boolean[] outside = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (!mask.get(i) && nb.onBorder(i)) {
                outside[i] = true;
                queue[tail++] = i;
            }
        }
        int[] around = new int[6];
        for (int head = 0; head < tail; head++) {
            int k = nb.of(queue[head], around);
            for (int j = 0; j < k; j++) {
                int w = around[j];
                if (!mask.get(w) && !outside[w]) {
                    outside[w] = true;
                    queue[tail++] = w;
                }
            }
        }
        boolean[] bits = new boolean[n];
        for (int i = 0; i < n; i++) {
            bits[i] = !outside[i];
        }
        return Mask.wrap(mask.dims(), bits);
    }

    /**
     * Fills holes in every 2D slice across {@code axis} (see {@link #fillHoles}, one slice at a
     * time). Catches what 3D filling cannot: a cavity enclosed in each slice but open to the
     * outside in 3D, like the dark skull between scalp and brain, which reaches the cut edge of
     * the field of view at the neck.
     */
    public static Mask fillHolesInSlices(Mask mask, int axis) {
        int[] d = mask.dims();
        SlicePlane plane = SlicePlane.of(new Grid(d[0], d[1], d[2], Affine.identity()), axis);
        int[] stride = {1, d[0], d[0] * d[1]};
        int du = stride[plane.widthAxis()];
        int dv = stride[plane.heightAxis()];
        boolean[] bits = mask.toArray();
        boolean[] slice = new boolean[plane.area()];
        for (int k = 0; k < plane.count(); k++) {
            int base = k * stride[axis];
            for (int v = 0, p = 0; v < plane.height(); v++) {
                for (int u = 0; u < plane.width(); u++, p++) {
                    slice[p] = bits[base + u * du + v * dv];
                }
            }
            Mask filled = fillHoles(Mask.wrap(new int[] {plane.width(), plane.height(), 1}, slice));
            for (int v = 0, p = 0; v < plane.height(); v++) {
                for (int u = 0; u < plane.width(); u++, p++) {
                    bits[base + u * du + v * dv] = filled.get(p);
                }
            }
        }
        return Mask.wrap(d, bits);
    }

    /** The mask with {@code r} background voxels added on every side (none along axes of size 1). */
    private static Mask pad(Mask mask, int r) {
        int[] d = mask.dims();
        int[] p = padding(d, r);
        int[] pd = {d[0] + 2 * p[0], d[1] + 2 * p[1], d[2] + 2 * p[2]};
        boolean[] bits = new boolean[pd[0] * pd[1] * pd[2]];
        for (int z = 0; z < d[2]; z++) {
            for (int y = 0; y < d[1]; y++) {
                for (int x = 0; x < d[0]; x++) {
                    bits[(x + p[0]) + pd[0] * ((y + p[1]) + pd[1] * (z + p[2]))] = mask.get(x, y, z);
                }
            }
        }
        return Mask.wrap(pd, bits);
    }

    /** The inverse of {@link #pad}. */
    private static Mask crop(Mask padded, int r) {
        int[] pd = padded.dims();
        int[] d = new int[3];
        int[] p = new int[3];
        for (int a = 0; a < 3; a++) {
            // Axes of size 1 were not padded, and every padded axis is at least 2r + 1 long.
            p[a] = pd[a] == 1 ? 0 : r;
            d[a] = pd[a] - 2 * p[a];
        }
        boolean[] bits = new boolean[d[0] * d[1] * d[2]];
        for (int z = 0; z < d[2]; z++) {
            for (int y = 0; y < d[1]; y++) {
                for (int x = 0; x < d[0]; x++) {
                    bits[x + d[0] * (y + d[1] * z)] = padded.get(x + p[0], y + p[1], z + p[2]);
                }
            }
        }
        return Mask.wrap(d, bits);
    }

    /**
     * Padding per axis: a single slice stays a single slice (a 2D closing), as the cross has
     * no neighbours across an axis of size 1 anyway.
     */
    private static int[] padding(int[] dims, int r) {
        return new int[] {dims[0] == 1 ? 0 : r, dims[1] == 1 ? 0 : r, dims[2] == 1 ? 0 : r};
    }

    private static Mask repeat(Mask mask, int radius, boolean dilate) {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must not be negative: " + radius);
        }
        Mask m = mask;
        for (int r = 0; r < radius; r++) {
            m = step(m, dilate);
        }
        return m;
    }

    /**
     * One step: a dilated voxel is set if it or any neighbour is set; an eroded voxel is set
     * if it and all its neighbours are, and it is not on a face of the grid (beyond it is background).
     */
    private static Mask step(Mask mask, boolean dilate) {
        Neighbours6 nb = new Neighbours6(mask.dims());
        boolean[] bits = new boolean[mask.size()];
        int[] around = new int[6];
        for (int i = 0; i < bits.length; i++) {
            boolean v = mask.get(i);
            if (v && !dilate && nb.onBorder(i)) {
                v = false;
            } else if (v != dilate) {
                int k = nb.of(i, around);
                for (int j = 0; j < k && v != dilate; j++) {
                    if (mask.get(around[j]) == dilate) {
                        v = dilate;
                    }
                }
            }
            bits[i] = v;
        }
        return Mask.wrap(mask.dims(), bits);
    }
}
