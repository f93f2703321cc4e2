package org.mrharmony.eval;

import java.util.ArrayList;
import java.util.List;
import org.mrharmony.volume.Volume;

/**
 * Z-score inside the brain mask: {@code z = (x − μ) / σ} with the volume's own brain mean
 * and (population) standard deviation.
 *
 * <p>Target scale: {@link #fitToTarget} learns the target site's typical brain mean and
 * standard deviation (each averaged over the site's training volumes, one vote per volume)
 * and maps {@code z} back with them, {@code x' = z·σ_t + μ_t}, so the output can be
 * compared with real target-site scans. {@link #unitScale()} leaves plain z-scores.
 */
public final class ZScoreNormalizer implements IntensityNormalizer {

    private final LocationScale target;

    private ZScoreNormalizer(LocationScale target) {
        this.target = target;
    }

    /** Plain z-scores (mean 0, sd 1 inside the brain). */
    public static ZScoreNormalizer unitScale() {
        return new ZScoreNormalizer(LocationScale.UNIT);
    }

    public static ZScoreNormalizer toScale(LocationScale target) {
        return new ZScoreNormalizer(target);
    }

    /** Learns the target site's brain mean and sd from its training volumes. */
    public static ZScoreNormalizer fitToTarget(List<MaskedVolume> targetTraining) {
        List<LocationScale> stats = new ArrayList<>();
        for (MaskedVolume mv : targetTraining) {
            stats.add(LocationScale.meanAndSd(mv.brainValues()));
        }
        return new ZScoreNormalizer(LocationScale.average(stats));
    }

    public LocationScale target() {
        return target;
    }

    @Override
    public String name() {
        return "zscore";
    }

    @Override
    public Volume apply(Volume volume, boolean[] mask) {
        Masks.check(mask, volume);
        boolean[] brain = Masks.orPositive(mask, volume);
        LocationScale own = LocationScale.meanAndSd(Masks.values(volume, brain));
        return IntensityMaps.applyInside(volume, brain, v -> own.mapTo(target, v));
    }
}
