package org.mrharmony.data;

import java.nio.file.Path;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/**
 * A training volume ready for sampling: canonical (RAS) orientation, intensities in the network
 * range ({@link NetworkView}), its head mask, its own intensity statistics, and which slices along
 * the slicing axis show enough head to be worth training on.
 *
 * @param stats        the volume's statistics on its raw scale (those that put it in the network
 *                     range unless the model has an {@link InputStandard}); averaged per site
 *                     they are the site's scale
 * @param usableSlices slice indices k such that both k and k+1 are inside the head (so the
 *                     overlapping pair of stacks needed by the temporal coherence loss exists)
 */
public record PreparedVolume(Path path, String site, int siteIndex, Volume network, Mask head,
                             IntensityStats stats, int[] usableSlices) {
}
