package org.mrharmony.volume;

/** Connected regions of a mask, 6-connected (voxels sharing a face). */
public final class ConnectedComponents {

    private ConnectedComponents() {
    }

    /**
     * Labels every voxel of the mask with its component number (1, 2, ... in order of first
     * voxel in x-fastest order); 0 outside the mask.
     */
    public static int[] label(Mask mask) {
        int[] labels = new int[mask.size()];
        Neighbours6 nb = new Neighbours6(mask.dims());
        int[] queue = new int[mask.size()];
        int[] around = new int[6];
        int next = 0;
        for (int seed = 0; seed < labels.length; seed++) {
            if (!mask.get(seed) || labels[seed] != 0) {
                continue;
            }
            next++;
            labels[seed] = next;
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            while (head < tail) {
                int v = queue[head++];
                int k = nb.of(v, around);
                for (int j = 0; j < k; j++) {
                    int w = around[j];
                    if (mask.get(w) && labels[w] == 0) {
                        labels[w] = next;
                        queue[tail++] = w;
                    }
                }
            }
        }
        return labels;
    }

    /** The largest component (the first in labelling order on a tie); an empty mask stays empty. */
    public static Mask largest(Mask mask) {
        int[] labels = label(mask);
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        int[] sizes = new int[max + 1];
        for (int l : labels) {
            sizes[l]++;
        }
        int best = 0;
        for (int l = 1; l <= max; l++) {
            if (best == 0 || sizes[l] > sizes[best]) {
                best = l;
            }
        }
        boolean[] bits = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            bits[i] = best != 0 && labels[i] == best;
        }
        return Mask.wrap(mask.dims(), bits);
    }
}
