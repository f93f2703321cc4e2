package org.mrharmony.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Every size of the four StarGAN v2 networks, as data. One code path builds all sizes; the
 * presets in {@link NetworkPresets} are just values of this record.
 *
 * <p>Depths follow the original code (clovaai/stargan-v2, core/model.py): the generator has
 * {@code log2(imgSize) - 4} down/up-sampling block pairs plus two bottleneck pairs; the style
 * encoder and discriminator trunk has {@code log2(imgSize) - 2} downsampling blocks, which brings
 * an {@code imgSize} input to 4x4 before a 4x4 valid convolution. Channel widths start at
 * {@code dimIn} and double per block up to {@code maxConvDim}; the original fixes
 * {@code dimIn = 2^14 / imgSize}, here it is a field so small CPU networks are possible.
 *
 * @param imgSize training patch size (square, a power of two, at least 16). The generator runs
 *     on any height and width that are multiples of {@link #downsampleFactor()}; the style encoder
 *     and discriminator need exactly {@code imgSize x imgSize}.
 * @param inChannels channels of an image = slices in a 2.5D stack (3 in the paper's RGB setting)
 * @param dimIn channels after the generator's / trunk's first convolution
 * @param maxConvDim channel cap of every convolution
 * @param styleDim length of a style code
 * @param latentDim length of the mapping network's latent input
 * @param numDomains number of sites K; one head per site in M, E and D
 * @param mappingHidden width of the mapping network's hidden layers (512 in the paper)
 * @param residualOutput generator returns {@code input + correction}, the correction's last
 *     convolution zero-initialised so the untrained generator is exactly the identity
 * @param fullResSkip generator adds a full-resolution branch from its first features to its last
 *     ({@link Generator}): without it every pixel of the output is computed from features that
 *     went through the downsampled bottleneck, so the generator cannot make pixel-level
 *     corrections such as removing a site's noise. The branch's last convolution starts at zero,
 *     so switching it on leaves an untrained (or warm-started) generator's output unchanged.
 *     Absent from configs written before it existed, read as {@code false}.
 * @param dPatch the discriminator's decision map: 0 = one real/fake decision per image, as the
 *     original ({@code conv4x4} valid head after the trunk reaches 4x4); {@code P > 0} = a
 *     {@code P x P} map of decisions, the trunk stopping at {@code P x P} without the 4x4 head
 *     (a patch discriminator). Why: with one decision per 32-pixel crop the discriminator learned
 *     to tell the sites apart only slowly (docs/BENCHMARKS.md, "Discriminator probe"), so it gave
 *     the generator almost no signal; a decision per region multiplies the labelled examples of a
 *     local property such as noise. A power of two, at most {@code imgSize / 4}. Absent from
 *     configs written before it existed, read as 0.
 */
public record NetworkConfig(
        @JsonProperty("img_size") int imgSize,
        @JsonProperty("in_channels") int inChannels,
        @JsonProperty("dim_in") int dimIn,
        @JsonProperty("max_conv_dim") int maxConvDim,
        @JsonProperty("style_dim") int styleDim,
        @JsonProperty("latent_dim") int latentDim,
        @JsonProperty("num_domains") int numDomains,
        @JsonProperty("mapping_hidden") int mappingHidden,
        @JsonProperty("residual_output") boolean residualOutput,
        @JsonProperty("full_res_skip") boolean fullResSkip,
        @JsonProperty("d_patch") int dPatch) {

    /** The smallest patch with a non-empty trunk: 16 -> two downsamplings -> 4x4. */
    public static final int MIN_IMG_SIZE = 16;

    public NetworkConfig {
        if (imgSize < MIN_IMG_SIZE || Integer.bitCount(imgSize) != 1) {
            throw new IllegalArgumentException(
                    "img_size must be a power of two >= " + MIN_IMG_SIZE + ", got " + imgSize);
        }
        requirePositive("in_channels", inChannels);
        requirePositive("dim_in", dimIn);
        requirePositive("max_conv_dim", maxConvDim);
        requirePositive("style_dim", styleDim);
        requirePositive("latent_dim", latentDim);
        requirePositive("num_domains", numDomains);
        requirePositive("mapping_hidden", mappingHidden);
        if (dPatch != 0 && (dPatch < 1 || Integer.bitCount(dPatch) != 1 || dPatch > imgSize / 4)) {
            throw new IllegalArgumentException("d_patch must be 0 (one decision per image) or a power of two <= img_size / 4 = "
                + imgSize / 4 + ", got " + dPatch);
        }
    }

    /** The configuration with the original one-decision discriminator. */
    public NetworkConfig(int imgSize, int inChannels, int dimIn, int maxConvDim, int styleDim, int latentDim,
                         int numDomains, int mappingHidden, boolean residualOutput, boolean fullResSkip) {
        this(imgSize, inChannels, dimIn, maxConvDim, styleDim, latentDim, numDomains, mappingHidden, residualOutput,
            fullResSkip, 0);
    }

    /** The configuration without the full-resolution branch (the original generator's shape). */
    public NetworkConfig(int imgSize, int inChannels, int dimIn, int maxConvDim, int styleDim, int latentDim,
                         int numDomains, int mappingHidden, boolean residualOutput) {
        this(imgSize, inChannels, dimIn, maxConvDim, styleDim, latentDim, numDomains, mappingHidden, residualOutput,
            false);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Number of (downsampling encoder, upsampling decoder) block pairs in the generator. */
    @JsonIgnore
    public int generatorResamplings() {
        return log2(imgSize) - 4;
    }

    /** Number of downsampling residual blocks in the style encoder / discriminator trunk. */
    @JsonIgnore
    public int trunkDownsamplings() {
        return log2(imgSize) - 2;
    }

    /** Downsampling residual blocks of the discriminator: the full trunk, or down to {@code dPatch}. */
    @JsonIgnore
    public int discriminatorDownsamplings() {
        return dPatch == 0 ? trunkDownsamplings() : log2(imgSize / dPatch);
    }

    /** Real/fake decisions the discriminator makes per image: 1, or {@code dPatch^2}. */
    @JsonIgnore
    public int discriminatorDecisions() {
        return dPatch == 0 ? 1 : dPatch * dPatch;
    }

    /** The generator's input height and width must be multiples of this. */
    @JsonIgnore
    public int downsampleFactor() {
        return 1 << generatorResamplings();
    }

    /** Channel width after {@code blocks} doublings from {@code dimIn}, capped. */
    public int widthAfter(int blocks) {
        long width = dimIn;
        for (int i = 0; i < blocks; i++) {
            width = Math.min(width * 2, maxConvDim);
        }
        return (int) width;
    }

    public NetworkConfig withImgSize(int size) {
        return new NetworkConfig(
                size, inChannels, dimIn, maxConvDim, styleDim, latentDim, numDomains, mappingHidden,
                residualOutput, fullResSkip, dPatch);
    }

    public NetworkConfig withMaxConvDim(int max) {
        return new NetworkConfig(
                imgSize, inChannels, dimIn, max, styleDim, latentDim, numDomains, mappingHidden,
                residualOutput, fullResSkip, dPatch);
    }

    public NetworkConfig withNumDomains(int k) {
        return new NetworkConfig(
                imgSize, inChannels, dimIn, maxConvDim, styleDim, latentDim, k, mappingHidden,
                residualOutput, fullResSkip, dPatch);
    }

    public NetworkConfig withFullResSkip(boolean skip) {
        return new NetworkConfig(
                imgSize, inChannels, dimIn, maxConvDim, styleDim, latentDim, numDomains, mappingHidden,
                residualOutput, skip, dPatch);
    }

    public NetworkConfig withDPatch(int patch) {
        return new NetworkConfig(
                imgSize, inChannels, dimIn, maxConvDim, styleDim, latentDim, numDomains, mappingHidden,
                residualOutput, fullResSkip, patch);
    }

    private static int log2(int powerOfTwo) {
        return Integer.numberOfTrailingZeros(powerOfTwo);
    }
}
