package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * "No harmonization": brain intensities unchanged. Like every baseline it sets the voxels
 * outside the mask to 0, so it differs from the others only in what it does in the brain
 * (for skull-stripped input this is the exact identity).
 */
public final class IdentityNormalizer implements IntensityNormalizer {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public Volume apply(Volume volume, boolean[] mask) {
        Masks.check(mask, volume);
        return IntensityMaps.applyInside(volume, Masks.orPositive(mask, volume), v -> v);
    }
}
