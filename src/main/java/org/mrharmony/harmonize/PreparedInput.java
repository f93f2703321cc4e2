package org.mrharmony.harmonize;

import org.mrharmony.data.InputStandard;
import org.mrharmony.data.IntensityStats;
import org.mrharmony.data.NetworkView;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Reorient;
import org.mrharmony.volume.Reoriented;
import org.mrharmony.volume.Volume;

/**
 * A volume as the networks see it, prepared exactly as the training data are: reoriented to
 * canonical RAS (voxels moved, never interpolated), its head mask, its intensity statistics and
 * the network-range copy ({@link NetworkView}: mapped onto the model's input standard first, if
 * it has one). {@link HarmonizationModel#prepare} prepares a volume for a given model.
 *
 * @param canonical the raw intensities in canonical orientation, with the transform to undo it
 * @param head      head mask on the canonical grid
 * @param stats     the volume's own intensity statistics (clip percentile of the model), on the
 *                  model's input standard when it has one
 * @param network   the canonical volume in the network range, background -1
 */
public record PreparedInput(Reoriented canonical, Mask head, IntensityStats stats, Volume network) {

    /**
     * @param standard the model's input standard ({@link InputStandard#NONE} without one)
     * @throws IllegalArgumentException when no head is found or the head's intensities are constant
     */
    public static PreparedInput of(Volume volume, double clipPercentile, InputStandard standard) {
        Reoriented canonical = Reorient.toCanonical(volume);
        Mask head = ForegroundMask.compute(canonical.volume());
        if (head.count() == 0) {
            throw new IllegalArgumentException("no head found (empty or constant image)");
        }
        NetworkView view = NetworkView.of(canonical.volume(), head, clipPercentile, standard);
        return new PreparedInput(canonical, head, view.stats(), view.network());
    }
}
