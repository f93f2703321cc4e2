package org.mrharmony.eval;

import java.util.List;
import org.mrharmony.util.EnumIds;

/**
 * The intensity baselines every comparison table carries, each fitted to a target site's
 * training volumes so that its output is in that site's intensity scale.
 */
public enum Baseline {
    NONE("none"),
    ZSCORE("zscore"),
    WHITESTRIPE("whitestripe"),
    NYUL("nyul");

    private final String id;

    Baseline(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Baseline fromId(String id) {
        return EnumIds.parse(values(), Baseline::id, id, "baseline");
    }

    /** The normalizer, fitted where the method needs it on the target site's training volumes. */
    public IntensityNormalizer fitToTarget(List<MaskedVolume> targetTraining) {
        return switch (this) {
            case NONE -> new IdentityNormalizer();
            case ZSCORE -> ZScoreNormalizer.fitToTarget(targetTraining);
            case WHITESTRIPE -> WhiteStripeNormalizer.fitToTarget(targetTraining, WhiteStripe.DEFAULT_WIDTH);
            case NYUL -> NyulNormalizer.fitToTarget(targetTraining);
        };
    }
}
