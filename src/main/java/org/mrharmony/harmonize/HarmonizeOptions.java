package org.mrharmony.harmonize;

import ai.djl.Device;

/**
 * How to harmonize, apart from which files: the same for every volume of a run.
 *
 * @param target  the site whose style and intensity scale the output takes
 * @param method  the GAN or an intensity baseline
 * @param style   where the GAN's style code comes from (ignored by the baselines)
 * @param restack how translated stacks become a volume (GAN only)
 * @param batch   stacks per forward pass (GAN only)
 * @param device  where the networks run (GAN only)
 * @param intensityMap how the GAN's output gets the target's intensities (GAN only)
 */
public record HarmonizeOptions(String target, HarmonizeMethod method, StyleSource style, Restack restack,
                               int batch, Device device, IntensityMap intensityMap) {

    /**
     * Every intermediate array of a forward pass stays alive until the batch ends, about 0.4 GB
     * per stack of a 182x218 slice with the cpu preset: 2 keeps a whole run under 2 GB resident
     * (docs/BENCHMARKS.md), and larger batches are not faster on two cores.
     */
    public static final int DEFAULT_BATCH = 2;

    public HarmonizeOptions {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
        if (intensityMap == null) {
            throw new IllegalArgumentException("no intensity map given");
        }
    }

    /** Options with the default intensity map ({@link IntensityMap#DEFAULT}). */
    public HarmonizeOptions(String target, HarmonizeMethod method, StyleSource style, Restack restack, int batch,
                            Device device) {
        this(target, method, style, restack, batch, device, IntensityMap.DEFAULT);
    }

    /** The GAN with the target's mean style, mean re-stacking, the default intensity map, on the CPU. */
    public static HarmonizeOptions defaults(String target) {
        return new HarmonizeOptions(target, HarmonizeMethod.GAN, new StyleSource.Mean(), Restack.MEAN,
            DEFAULT_BATCH, Device.cpu());
    }

    public HarmonizeOptions withMethod(HarmonizeMethod m) {
        return new HarmonizeOptions(target, m, style, restack, batch, device, intensityMap);
    }

    public HarmonizeOptions withStyle(StyleSource s) {
        return new HarmonizeOptions(target, method, s, restack, batch, device, intensityMap);
    }

    public HarmonizeOptions withRestack(Restack r) {
        return new HarmonizeOptions(target, method, style, r, batch, device, intensityMap);
    }

    public HarmonizeOptions withBatch(int b) {
        return new HarmonizeOptions(target, method, style, restack, b, device, intensityMap);
    }

    public HarmonizeOptions withIntensityMap(IntensityMap m) {
        return new HarmonizeOptions(target, method, style, restack, batch, device, m);
    }
}
