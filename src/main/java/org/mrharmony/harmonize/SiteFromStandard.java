package org.mrharmony.harmonize;

import java.util.Arrays;
import org.mrharmony.eval.PiecewiseLinear;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/**
 * For a model trained on standardised inputs ({@link ModelInfo#inputStandard()}): the fixed map
 * from the pooled input standard onto one site's own Nyúl standard scale, landmark to landmark
 * (piecewise linear, extended by the end segments). The linear map back leaves the GAN's output
 * in the standard's units (the site's scale there is the average of its standardised volumes'
 * statistics); this puts the target site's typical intensity curve back, undoing what
 * standardising did to that site's typical scan. It is fixed (it does not look at the output's
 * own percentiles), so a slab is mapped exactly as in the whole volume.
 */
final class SiteFromStandard {

    private final PiecewiseLinear map;

    private SiteFromStandard(PiecewiseLinear map) {
        this.map = map;
    }

    /**
     * @throws IllegalArgumentException when the two scales have different percentiles
     */
    static SiteFromStandard of(SiteBaselines.NyulFit standard, SiteBaselines.NyulFit site) {
        if (!Arrays.equals(standard.percentiles(), site.percentiles())) {
            throw new IllegalArgumentException("the input standard's percentiles "
                + Arrays.toString(standard.percentiles()) + " differ from the site's Nyul percentiles "
                + Arrays.toString(site.percentiles()));
        }
        return new SiteFromStandard(new PiecewiseLinear(standard.standardScale(), site.standardScale()));
    }

    /** Head voxels mapped (not below 0, as the linear map back keeps them), the rest unchanged. */
    Volume apply(Volume standardUnits, Mask head) {
        float[] in = standardUnits.data();
        float[] out = in.clone();
        for (int i = 0; i < in.length; i++) {
            if (head.get(i)) {
                out[i] = (float) Math.max(0.0, map.apply(in[i]));
            }
        }
        return standardUnits.withData(out);
    }
}
