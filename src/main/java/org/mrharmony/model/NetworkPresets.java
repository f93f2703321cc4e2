package org.mrharmony.model;

import java.util.List;

/**
 * Named network sizes. They differ only in numbers; every preset builds through the same code.
 *
 * <ul>
 *   <li>{@code paper}: the published StarGAN v2 at 256x256, layer for layer (as the original
 *       code builds it with {@code w_hpf = 0}), 3 channels = 3 stacked slices.
 *   <li>{@code cpu} (default): sized for quality per CPU-minute on 2 cores, the configuration
 *       measured fastest to train (docs/BENCHMARKS.md): 32 px patches (one generator resampling,
 *       a 16x16 bottleneck), widths 16 -> 64, mapping network hidden width 128; train it with
 *       batch 4. A first 64 px, widths 32 -> 128 version ran ~30x fewer images per second. Style
 *       (64) and latent (16) lengths stay as published: they cost nearly nothing. Residual output
 *       is on: measured runs (METHOD.md) showed that on a CPU budget a generator that starts as
 *       the identity keeps the anatomy from the first step.
 *   <li>{@code tiny}: for tests. 32 px is the smallest size with one generator resampling, so the
 *       down/up-sampling paths are exercised.
 * </ul>
 */
public final class NetworkPresets {

    public static final String PAPER = "paper";
    public static final String CPU = "cpu";
    public static final String TINY = "tiny";
    public static final String DEFAULT = CPU;

    /** The original derives the first width from the image size: {@code 2^14 / img_size}. */
    private static final int PAPER_WIDTH_BUDGET = 1 << 14;

    private static final int STACK_DEPTH = 3;

    private NetworkPresets() {}

    public static List<String> names() {
        return List.of(PAPER, CPU, TINY);
    }

    /**
     * The named preset for {@code sites} sites.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static NetworkConfig named(String name, int sites) {
        return switch (name) {
            case PAPER -> paper(256, sites);
            case CPU -> new NetworkConfig(32, STACK_DEPTH, 16, 64, 64, 16, sites, 128, true);
            case TINY -> new NetworkConfig(32, STACK_DEPTH, 8, 16, 8, 4, sites, 16, false);
            default -> throw new IllegalArgumentException(
                    "unknown network preset '" + name + "' (known: " + String.join(", ", names()) + ")");
        };
    }

    /**
     * A preset with the patch size and channel cap optionally overridden ({@code null} keeps the
     * preset's). With {@code paper} a new patch size also sets the first width by the original's
     * rule ({@link #paper(int, int)}).
     *
     * @throws IllegalArgumentException for an unknown name or invalid sizes
     */
    public static NetworkConfig resized(String name, int sites, Integer imgSize, Integer maxConvDim) {
        NetworkConfig config = imgSize != null && PAPER.equals(name) ? paper(imgSize, sites) : named(name, sites);
        if (imgSize != null) {
            config = config.withImgSize(imgSize);
        }
        if (maxConvDim != null) {
            config = config.withMaxConvDim(maxConvDim);
        }
        return config;
    }

    /**
     * The original code's architecture at any power-of-two size: widths start at
     * {@code 2^14 / imgSize} (64 at 256) and stop at 512.
     */
    public static NetworkConfig paper(int imgSize, int sites) {
        int dimIn = PAPER_WIDTH_BUDGET / imgSize;
        return new NetworkConfig(imgSize, STACK_DEPTH, dimIn, 512, 64, 16, sites, 512, false);
    }
}
