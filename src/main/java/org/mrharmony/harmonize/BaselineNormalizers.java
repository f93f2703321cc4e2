package org.mrharmony.harmonize;

import java.nio.file.Path;
import org.mrharmony.eval.IdentityNormalizer;
import org.mrharmony.eval.IntensityNormalizer;
import org.mrharmony.eval.LocationScale;
import org.mrharmony.eval.WhiteStripeNormalizer;
import org.mrharmony.eval.ZScoreNormalizer;
import org.mrharmony.volume.Volume;

/** The eval package's baselines, rebuilt from the parameters a model stores for its target site. */
final class BaselineNormalizers {

    private BaselineNormalizers() {
    }

    /**
     * @param infoFile named in the error when the model has no fitted baselines
     * @throws IllegalArgumentException when the method needs parameters the site does not have
     */
    static IntensityNormalizer forSite(HarmonizeMethod method, SiteInfo site, Path infoFile) {
        if (method == HarmonizeMethod.NONE) {
            return new IdentityNormalizer();
        }
        SiteBaselines b = site.baselines();
        if (b == null) {
            throw new IllegalArgumentException(infoFile + ": site '" + site.name()
                + "' has no fitted intensity baselines (model written without them); use --method gan or none");
        }
        return switch (method) {
            case ZSCORE -> ZScoreNormalizer.toScale(b.zscore().toLocationScale());
            case WHITESTRIPE -> new ToTargetScale(WhiteStripeNormalizer.unitScale(b.whiteStripe().width()),
                b.whiteStripe().toLocationScale());
            case NYUL -> b.nyul().toNormalizer();
            case NONE, GAN -> throw new IllegalArgumentException("not an intensity baseline: " + method.id());
        };
    }

    /**
     * A unit-scale normalizer followed by {@code z * sd + mean} inside the mask: the published
     * WhiteStripe scale (stripe mean 0, sd 1) taken to the target site's stripe.
     */
    private record ToTargetScale(IntensityNormalizer unit, LocationScale target) implements IntensityNormalizer {

        @Override
        public String name() {
            return unit.name();
        }

        @Override
        public Volume apply(Volume volume, boolean[] mask) {
            Volume z = unit.apply(volume, mask);
            float[] d = z.data();
            for (int i = 0; i < d.length; i++) {
                if (mask[i]) {
                    d[i] = (float) (d[i] * target.scale() + target.location());
                }
            }
            return z;
        }
    }
}
