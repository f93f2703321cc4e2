package org.mrharmony.synth;

import org.mrharmony.volume.Volume;

/**
 * One subject's anatomy, independent of any scanner.
 *
 * @param labels  0 background, 1 CSF, 2 GM, 3 WM (the truth written with the cohort)
 * @param texture intensity relative to the tissue's mean: inside the brain a voxel images as
 *                {@code siteMean(label) * texture} (1 for a flat phantom tissue, the template's
 *                own variation for a real T1); in the background it is the intensity relative to
 *                white matter (scalp fat bright, skull dark, air 0)
 */
public record Anatomy(Volume labels, Volume texture) {

    public Anatomy {
        if (!labels.sameGridAs(texture)) {
            throw new IllegalArgumentException("labels " + labels + " and texture " + texture + " differ in grid");
        }
    }
}
