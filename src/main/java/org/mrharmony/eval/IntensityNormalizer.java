package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * An intensity-harmonization baseline: maps a volume's brain intensities to a common scale.
 *
 * <p>Implementations are immutable and already fitted (see {@link Baseline#fitToTarget}).
 * Because harmonized outputs are compared with real scans of the target site, every fitted
 * normalizer produces intensities in the <em>target site's</em> scale, not a unitless one.
 * All of them return a new volume (the input is untouched) whose voxels outside the brain
 * mask are 0, so the baselines differ from each other only inside the brain.
 */
public interface IntensityNormalizer {

    /** Short name, as used in tables and on the command line. */
    String name();

    /**
     * Normalizes {@code volume} using the statistics of its voxels inside {@code mask}.
     *
     * @param mask brain mask parallel to the voxel array, or null for the voxels above zero
     */
    Volume apply(Volume volume, boolean[] mask);
}
