package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * Brain masks as {@code boolean[]} parallel to a volume's voxel array (same x-fastest order).
 * A {@code null} mask means "no mask"; what that stands for depends on the caller and is
 * stated there (all voxels for the similarity metrics, voxels above zero for the normalizers).
 */
public final class Masks {

    private Masks() {
    }

    /** Voxels strictly above zero: the brain of a skull-stripped scan, or a label/mask volume. */
    public static boolean[] positive(Volume volume) {
        float[] d = volume.data();
        boolean[] mask = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            mask[i] = d[i] > 0;
        }
        return mask;
    }

    /** The mask itself, or the voxels above zero when it is null. */
    public static boolean[] orPositive(boolean[] mask, Volume volume) {
        return mask != null ? mask : positive(volume);
    }

    public static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Fails unless the mask (when given) has one entry per voxel and selects at least one. */
    public static void check(boolean[] mask, Volume volume) {
        if (mask == null) {
            return;
        }
        if (mask.length != volume.size()) {
            throw new IllegalArgumentException("mask has " + mask.length + " entries but the volume has "
                + volume.size() + " voxels");
        }
        if (count(mask) == 0) {
            throw new IllegalArgumentException("mask is empty (no voxel selected)");
        }
    }

    /** The voxel values inside the mask (all voxels when it is null), as doubles. */
    public static double[] values(Volume volume, boolean[] mask) {
        float[] d = volume.data();
        if (mask == null) {
            double[] out = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = d[i];
            }
            return out;
        }
        double[] out = new double[count(mask)];
        int k = 0;
        for (int i = 0; i < d.length; i++) {
            if (mask[i]) {
                out[k++] = d[i];
            }
        }
        return out;
    }
}
