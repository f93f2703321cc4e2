package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * A volume and its brain mask, as the normalizers are fitted on them.
 *
 * @param mask parallel to the voxel array, or null for "voxels above zero"
 */
public record MaskedVolume(Volume volume, boolean[] mask) {

    public MaskedVolume {
        if (volume == null) {
            throw new IllegalArgumentException("volume is null");
        }
        Masks.check(mask, volume);
    }

    /** The voxel values inside the brain. */
    public double[] brainValues() {
        return Masks.values(volume, Masks.orPositive(mask, volume));
    }
}
