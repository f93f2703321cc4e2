package org.mrharmony.harmonize;

import org.mrharmony.util.EnumIds;

/**
 * How the GAN's output, in the network's [-1, 1] range, is given the target site's intensities.
 *
 * <p>{@link #STATS} is METHOD.md's map-back: linear, with the target site's average intensity
 * statistics. It fixes every output volume to the site's <em>average</em> scale, so a volume whose
 * translation comes out slightly brighter or darker stays so; on the demo cohort that cost the GAN
 * about 0.04 SSIM against the travelling-subject truth (docs/BENCHMARKS.md, "GAN gap"). {@link
 * #LANDMARKS} follows it with the target site's Nyúl–Udupa landmarks (fitted on its training
 * volumes and stored in the model): each output's own brain percentiles are mapped onto the
 * target's standard scale, so the GAN supplies contrast, bias and texture and the landmarks the
 * exact intensity scale.
 *
 * <p>With a model trained on standardised inputs ({@link ModelInfo#inputStandard()}) the linear
 * map back gives the standard's units (the site's average statistics there), and both maps then
 * apply the fixed map from the standard onto the target's Nyúl scale ({@link SiteFromStandard}):
 * {@link #STATS} thus restores the target's typical intensity curve, {@link #LANDMARKS} in
 * addition each output's own percentiles.
 */
public enum IntensityMap {
    STATS("stats"),
    LANDMARKS("landmarks");

    /** The measured better of the two (docs/BENCHMARKS.md). */
    public static final IntensityMap DEFAULT = LANDMARKS;

    private final String id;

    IntensityMap(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static IntensityMap fromId(String id) {
        return EnumIds.parse(values(), IntensityMap::id, id, "intensity map");
    }
}
