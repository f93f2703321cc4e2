package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * The dynamic range {@code R} that SSIM's constants and PSNR's peak are scaled by.
 *
 * <p>MRI has no fixed range (unlike 8-bit images), so it must be chosen. Our default is the
 * range of the <em>reference</em> volume inside the mask, {@code max − min}: it does not move
 * when the image under test changes, so scores of several methods against one reference
 * are comparable. Callers that need a fixed convention pass R explicitly.
 */
public final class DataRange {

    private DataRange() {
    }

    /** {@code max − min} of the reference inside the mask (all voxels when mask is null). */
    public static double ofReference(Volume reference, boolean[] mask) {
        Masks.check(mask, reference);
        float[] d = reference.data();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.length; i++) {
            if (mask == null || mask[i]) {
                min = Math.min(min, d[i]);
                max = Math.max(max, d[i]);
            }
        }
        return max - min;
    }

    static void requirePositive(double dataRange) {
        if (!(dataRange > 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException("data range must be a positive finite number, got " + dataRange);
        }
    }
}
