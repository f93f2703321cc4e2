package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * Slice-to-slice flicker of a re-stacked volume: a 2.5D method that translates each stack on
 * its own can shift the intensity of whole slices, which shows as stripes in the planes
 * across the slicing axis.
 *
 * <p>The gradient anisotropy {@code A(v) = E_through(v) / E_in(v)} is the mean squared
 * difference between neighbours along the slicing axis over that along the two in-plane
 * axes, over neighbour pairs with both voxels in the mask. Per-slice offsets raise the first
 * and leave the second alone; a change of intensity scale changes neither ratio, so scans of
 * different sites (or a method that rescales) compare fairly. The coherence score is
 * {@code A(harmonized) / A(truth)}: 1 is as coherent as a real scan of the target site,
 * above 1 is flicker.
 */
public final class ThroughPlaneCoherence {

    private ThroughPlaneCoherence() {
    }

    /** {@code A(v) / A(reference)}, both inside {@code mask}, slices stacked along {@code axis}. */
    public static double relative(Volume v, Volume reference, boolean[] mask, int axis) {
        return anisotropy(v, mask, axis) / anisotropy(reference, mask, axis);
    }

    /** {@code E_through / E_in}; NaN when the volume is constant in-plane inside the mask. */
    public static double anisotropy(Volume v, boolean[] mask, int axis) {
        double through = energy(v, mask, axis);
        double in = 0;
        for (int a = 0; a < 3; a++) {
            if (a != axis) {
                in += energy(v, mask, a) / 2;
            }
        }
        return in > 0 ? through / in : Double.NaN;
    }

    /** Mean squared difference of neighbours along {@code axis}, over pairs inside the mask (null: all). */
    public static double energy(Volume v, boolean[] mask, int axis) {
        Masks.check(mask, v);
        int[] step = {1, v.nx(), v.nx() * v.ny()};
        float[] d = v.data();
        double sum = 0;
        long pairs = 0;
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < v.ny(); y++) {
                for (int x = 0; x < v.nx(); x++) {
                    int[] at = {x, y, z};
                    if (at[axis] + 1 >= v.dim(axis)) {
                        continue;
                    }
                    int i = v.index(x, y, z);
                    int j = i + step[axis];
                    if (mask == null || mask[i] && mask[j]) {
                        double diff = d[j] - d[i];
                        sum += diff * diff;
                        pairs++;
                    }
                }
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }
}
