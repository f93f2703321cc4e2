package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * SSIM, PSNR (dB) and MAE of an image against a reference, all inside one mask and with
 * one data range. The record's components are exactly the keys of {@code metrics --json}.
 */
public record SimilarityScores(double ssim, double psnr, double mae) {

    /**
     * Scores {@code a} against the reference {@code b}.
     *
     * @param mask      voxels to average over, or null for all voxels
     * @param dataRange R for SSIM and PSNR, or null for {@link DataRange#ofReference}
     */
    public static SimilarityScores compare(Volume a, Volume b, boolean[] mask, Double dataRange) {
        double range = dataRange != null ? dataRange : DataRange.ofReference(b, mask);
        if (dataRange == null && !(range > 0)) {
            throw new IllegalArgumentException("the reference is constant inside the mask (data range 0); "
                + "give the data range explicitly");
        }
        return new SimilarityScores(Ssim.mean(a, b, mask, range), Psnr.of(a, b, mask, range), Mae.of(a, b, mask));
    }
}
