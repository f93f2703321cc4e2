package org.mrharmony.eval;

import java.util.List;
import org.mrharmony.volume.Volume;

/**
 * The result of a 3-class tissue segmentation.
 *
 * @param labels      0 background (outside the mask), 1 CSF, 2 GM, 3 WM
 * @param posteriors  per class (CSF, GM, WM) the posterior probability of each voxel, 0 outside
 *                    the mask; read as partial-volume fractions
 * @param means       fitted class means, CSF, GM, WM (increasing)
 * @param sds         fitted class standard deviations, same order
 * @param iterations  EM iterations run
 */
public record TissueSegmentation(Volume labels, List<Volume> posteriors, double[] means, double[] sds,
                                 int iterations) {

    /** The posterior map of one tissue label (1 CSF, 2 GM, 3 WM). */
    public Volume posterior(int label) {
        if (label < TissueLabel.CSF || label > TissueLabel.WM) {
            throw new IllegalArgumentException("posterior label must be 1..3: " + label);
        }
        return posteriors.get(label - 1);
    }
}
