package org.mrharmony.synth;

import org.mrharmony.volume.Volume;

/** A brain mask for a T1 that came without one. */
final class BrainMaskEstimator {

    private BrainMaskEstimator() {
    }

    static boolean[] estimate(Volume t1) {
        throw new IllegalArgumentException("no brain mask for the template: give --template-mask (a brain mask or"
            + " brain-extracted image, e.g. ch2bet.nii.gz for ch2.nii.gz)");
    }
}
