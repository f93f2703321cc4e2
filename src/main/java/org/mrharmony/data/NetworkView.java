package org.mrharmony.data;

import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/**
 * A scan as the networks see it, and the one place where the optional {@link InputStandard} is
 * applied, so training ({@link VolumePreparer}) and harmonizing ({@code harmonize.PreparedInput})
 * cannot prepare a scan differently: the scan is mapped onto the standard (if any), then into
 * the network range with the standardised scan's own statistics ({@link IntensityNormalization}).
 *
 * @param stats   the scan's own statistics on its raw scale (before any standardisation): a
 *                site's average of them is its scale for the linear map back from the network range
 * @param network the scan in the network range, background {@link IntensityNormalization#BACKGROUND}
 */
public record NetworkView(IntensityStats stats, Volume network) {

    /**
     * @throws IllegalArgumentException when the head's intensities are constant (before or after
     *                                  standardisation)
     */
    public static NetworkView of(Volume canonical, Mask head, double clipPercentile, InputStandard standard) {
        IntensityStats raw = IntensityNormalization.measure(canonical, head, clipPercentile);
        if (standard == InputStandard.NONE) {
            return new NetworkView(raw, IntensityNormalization.toNetwork(canonical, head, raw));
        }
        Volume standardised = standard.apply(canonical, head);
        IntensityStats own = IntensityNormalization.measure(standardised, head, clipPercentile);
        return new NetworkView(raw, IntensityNormalization.toNetwork(standardised, head, own));
    }
}
