package org.mrharmony.eval;

import java.util.ArrayList;
import java.util.List;
import org.mrharmony.volume.Volume;

/**
 * WhiteStripe normalization (Shinohara et al. 2014): {@code (x − μ_ws) / σ_ws} with the mean
 * and sd of the volume's own {@link WhiteStripe white stripe}, for T1-weighted brains.
 *
 * <p>Target scale: {@link #fitToTarget} averages the stripe mean and sd over the target
 * site's training volumes and maps back with them, {@code x' = z·σ_t + μ_t}, so the target
 * site's white matter keeps its real intensity and spread. {@link #unitScale} leaves the
 * published unit-stripe scale (stripe mean 0, sd 1).
 */
public final class WhiteStripeNormalizer implements IntensityNormalizer {

    private final double width;
    private final LocationScale target;

    private WhiteStripeNormalizer(double width, LocationScale target) {
        this.width = width;
        this.target = target;
    }

    public static WhiteStripeNormalizer unitScale(double width) {
        return new WhiteStripeNormalizer(width, LocationScale.UNIT);
    }

    public static WhiteStripeNormalizer fitToTarget(List<MaskedVolume> targetTraining, double width) {
        List<LocationScale> stats = new ArrayList<>();
        for (MaskedVolume mv : targetTraining) {
            stats.add(WhiteStripe.find(mv.brainValues(), width).stats());
        }
        return new WhiteStripeNormalizer(width, LocationScale.average(stats));
    }

    public LocationScale target() {
        return target;
    }

    /** The stripe this normalizer would use for a volume. */
    public WhiteStripe.Stripe stripeOf(Volume volume, boolean[] mask) {
        Masks.check(mask, volume);
        return WhiteStripe.find(Masks.values(volume, Masks.orPositive(mask, volume)), width);
    }

    @Override
    public String name() {
        return "whitestripe";
    }

    @Override
    public Volume apply(Volume volume, boolean[] mask) {
        Masks.check(mask, volume);
        boolean[] brain = Masks.orPositive(mask, volume);
        LocationScale own = WhiteStripe.find(Masks.values(volume, brain), width).stats();
        return IntensityMaps.applyInside(volume, brain, v -> own.mapTo(target, v));
    }
}
