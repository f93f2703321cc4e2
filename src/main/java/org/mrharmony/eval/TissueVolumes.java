package org.mrharmony.eval;

import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

/**
 * CSF, GM and WM volumes of a tissue label map (labels as {@link TissueLabel}), in mL: voxels
 * per label times the volume of one voxel, |det| of the affine's 3×3 part (so sheared or
 * rotated grids count right too).
 */
public record TissueVolumes(double csfMl, double gmMl, double wmMl) {

    private static final double MM3_PER_ML = 1000.0;

    public static TissueVolumes of(Volume labels) {
        long[] counts = new long[TissueLabel.COUNT + 1];
        for (float v : labels.data()) {
            int l = TissueLabel.of(v);
            if (l >= TissueLabel.CSF && l <= TissueLabel.WM) {
                counts[l]++;
            }
        }
        double voxelMl = voxelVolumeMm3(labels.affine()) / MM3_PER_ML;
        return new TissueVolumes(counts[TissueLabel.CSF] * voxelMl, counts[TissueLabel.GM] * voxelMl,
            counts[TissueLabel.WM] * voxelMl);
    }

    /** The volume of {@code label} (CSF, GM or WM) in mL. */
    public double ml(int label) {
        return switch (label) {
            case TissueLabel.CSF -> csfMl;
            case TissueLabel.GM -> gmMl;
            case TissueLabel.WM -> wmMl;
            default -> throw new IllegalArgumentException("not a tissue label: " + label);
        };
    }

    /**
     * The mean over the three tissues of |this − reference| / reference, in percent: how far
     * these volumes are from the reference's (NaN when a reference volume is 0).
     */
    public double meanAbsRelativeDifferencePct(TissueVolumes reference) {
        double sum = 0;
        for (int l = TissueLabel.CSF; l <= TissueLabel.WM; l++) {
            double ref = reference.ml(l);
            sum += ref > 0 ? Math.abs(ml(l) - ref) / ref : Double.NaN;
        }
        return 100 * sum / TissueLabel.COUNT;
    }

    private static double voxelVolumeMm3(Affine a) {
        double[][] m = a.toRows();
        return Math.abs(m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]));
    }
}
