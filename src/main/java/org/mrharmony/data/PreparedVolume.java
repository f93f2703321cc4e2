package org.mrharmony.data;

import java.nio.file.Path;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/**
 * A training volume ready for sampling: canonical (RAS) orientation, intensities in the network
 * range, its head mask, the statistics that put it there, and which slices along the slicing axis
 * show enough head to be worth training on.
 *
 * @param usableSlices slice indices k such that both k and k+1 are inside the head (so the
 *                     overlapping pair of stacks needed by the temporal coherence loss exists)
 */
public record PreparedVolume(Path path, String site, int siteIndex, Volume network, Mask head,
                             IntensityStats stats, int[] usableSlices) {
}
