package org.mrharmony.data;

import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/**
 * A scan as the networks see it, and the one place where the optional {@link InputStandard} is
 * applied, so training ({@link VolumePreparer}) and harmonizing ({@code harmonize.PreparedInput})
 * cannot prepare a scan differently: the scan is mapped onto the standard (if any), then into
 * the network range with its own statistics ({@link IntensityNormalization}).
 *
 * @param stats   the statistics that put the scan into the network range: of the scan itself,
 *                or of the scan on the standard (in the standard's units) when there is one
 * @param network the scan in the network range, background {@link IntensityNormalization#BACKGROUND}
 */
public record NetworkView(IntensityStats stats, Volume network) {

    /**
     * @throws IllegalArgumentException when the head's intensities are constant
     */
    public static NetworkView of(Volume canonical, Mask head, double clipPercentile, InputStandard standard) {
        Volume scan = standard.apply(canonical, head);
        IntensityStats stats = IntensityNormalization.measure(scan, head, clipPercentile);
        return new NetworkView(stats, IntensityNormalization.toNetwork(scan, head, stats));
    }
}
