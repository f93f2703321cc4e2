package org.mrharmony.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * One test scan harmonized by one method, scored (see {@link Evaluation} for the definitions).
 *
 * @param method             harmonization method id
 * @param subject            the travelling subject
 * @param sourceSite         the site the input scan came from
 * @param ssim               SSIM to the subject's real target-site scan, in the brain
 * @param psnr               PSNR (dB) to it, in the brain
 * @param mae                mean absolute error to it, in the brain
 * @param gmDice             GM Dice between the segmentations of the source scan and of its harmonized version
 * @param wmDice             WM Dice, likewise
 * @param csfDice            CSF Dice, likewise
 * @param gmDiceTruth        GM Dice between the harmonized scan's segmentation and the cohort's truth labels
 * @param wmDiceTruth        WM Dice against the truth labels
 * @param thicknessMm        mean cortical thickness of the harmonized scan's segmentation
 * @param sourceThicknessMm  mean cortical thickness of the source scan's segmentation
 * @param truthThicknessMm   mean cortical thickness of the truth labels
 * @param coherence          through-plane gradient anisotropy relative to the real target-site scan
 * @param predictedSite      the site the classifier assigns to the harmonized scan
 * @param gmVolumeMl         GM volume of the harmonized scan's segmentation, mL
 * @param wmVolumeMl         WM volume, likewise
 * @param csfVolumeMl        CSF volume, likewise
 * @param volumeErrorPct     mean over CSF/GM/WM of |volume (harmonized) − volume (truth scan)| / volume (truth
 *                           scan), in percent, both from our segmentation
 * @param volumeChangePct    the same against the source scan's segmentation: what harmonization changed
 * @param thicknessRegionMaeMm mean over atlas regions of |mean thickness (harmonized) − mean thickness (truth
 *                           scan)|, NaN without an atlas
 * @param regionThicknessMm  mean thickness per atlas region of the harmonized scan (empty without an atlas)
 * @param regionTruthThicknessMm the same of the truth scan
 */
public record EvaluationRow(String method, String subject, String sourceSite, double ssim, double psnr, double mae,
                            double gmDice, double wmDice, double csfDice, double gmDiceTruth, double wmDiceTruth,
                            double thicknessMm, double sourceThicknessMm, double truthThicknessMm, double coherence,
                            String predictedSite, double gmVolumeMl, double wmVolumeMl, double csfVolumeMl,
                            double volumeErrorPct, double volumeChangePct, double thicknessRegionMaeMm,
                            @JsonIgnore Map<Integer, Double> regionThicknessMm,
                            @JsonIgnore Map<Integer, Double> regionTruthThicknessMm) {

    public EvaluationRow {
        regionThicknessMm = Map.copyOf(regionThicknessMm);
        regionTruthThicknessMm = Map.copyOf(regionTruthThicknessMm);
    }

    /** |thickness(harmonized) − thickness(source)|: what harmonization did to the anatomy. */
    public double thicknessErrorMm() {
        return Math.abs(thicknessMm - sourceThicknessMm);
    }

    /** |thickness(harmonized) − thickness(truth labels)|. */
    public double thicknessTruthErrorMm() {
        return Math.abs(thicknessMm - truthThicknessMm);
    }
}
