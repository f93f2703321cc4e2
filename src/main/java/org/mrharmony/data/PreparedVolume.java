package org.mrharmony.data;

import java.nio.file.Path;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/**
 * A training volume ready for sampling: canonical (RAS) orientation, intensities in the network
 * range ({@link NetworkView}), its head mask, the statistics that put it there, and which slices
 * along the slicing axis show enough head to be worth training on.
 *
 * @param stats        in the units the networks' input came from: the raw scan's, or the input
 *                     standard's when the model has one ({@link InputStandard}); averaged per site
 *                     they are the site's scale for mapping outputs back
 * @param usableSlices slice indices k such that both k and k+1 are inside the head (so the
 *                     overlapping pair of stacks needed by the temporal coherence loss exists)
 */
public record PreparedVolume(Path path, String site, int siteIndex, Volume network, Mask head,
                             IntensityStats stats, int[] usableSlices) {
}
