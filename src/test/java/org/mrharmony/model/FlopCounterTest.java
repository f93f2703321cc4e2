package org.mrharmony.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlopCounterTest {

    private static final NetworkConfig TINY = NetworkPresets.named(NetworkPresets.TINY, 2);

    private static long parameters(List<FlopCounter.Layer> layers) {
        return layers.stream().mapToLong(FlopCounter.Layer::parameters).sum();
    }

    @Test
    void oneConvolutionCostsTwoFlopsPerMultiplyAdd() {
        FlopCounter.Layer fromRgb = FlopCounter.generator(TINY).get(0);

        assertThat(fromRgb.name()).isEqualTo("from_rgb");
        // 2 * Cin * Cout * k * k * H * W per sample: 3 -> 8 channels, 3x3, 32x32
        assertThat(FlopCounter.forwardFlops(List.of(fromRgb), 5)).isEqualTo(5L * 2 * 3 * 8 * 3 * 3 * 32 * 32);
    }

    /**
     * The tiny discriminator (img 32, dim_in 8, max 16, 2 sites) by hand, multiply-adds per sample:
     * stem 3->8 3x3 at 32^2: 221,184; block0 (8->16): conv1 8->8 at 32^2 589,824, conv2 8->16 at
     * 16^2 294,912, shortcut 1x1 8->16 at 32^2 131,072; block1 (16->16): 589,824 + 147,456;
     * block2: 147,456 + 36,864; 4x4 valid 16->16 at 1x1: 4,096; logits 16->2: 32.
     */
    @Test
    void tinyDiscriminatorMatchesAHandCount() {
        long macs = 221_184 + 589_824 + 294_912 + 131_072 + 589_824 + 147_456 + 147_456 + 36_864 + 4_096 + 32;

        assertThat(FlopCounter.forwardFlops(FlopCounter.discriminator(TINY), 1)).isEqualTo(2 * macs);
    }

    /**
     * The layer lists hold exactly the original networks' weights: the known PyTorch counts of
     * the paper's networks (2 sites, ParameterCountTest), less, for the generator, its instance
     * norms' affine parameters (2 per channel: encoder blocks 64, 128, 256, 512, 512, 512 with two
     * norms each, to_rgb 64), which have no multiply-adds.
     */
    @Test
    void paperLayersCarryThePublishedParameterCounts() {
        NetworkConfig paper = NetworkPresets.named(NetworkPresets.PAPER, 2);
        long generatorNorms = 2 * 2 * (64 + 128 + 256 + 512 + 512 + 512) + 2 * 64;

        assertThat(parameters(FlopCounter.generator(paper))).isEqualTo(33_892_995 - generatorNorms);
        assertThat(parameters(FlopCounter.mappingNetwork(paper))).isEqualTo(2_438_272);
        assertThat(parameters(FlopCounter.styleEncoder(paper))).isEqualTo(20_916_928);
        assertThat(parameters(FlopCounter.discriminator(paper))).isEqualTo(20_852_290);
    }

    /** The same against the built networks of the small presets (so a changed block shows here). */
    @ParameterizedTest
    @ValueSource(strings = {NetworkPresets.CPU, NetworkPresets.TINY})
    void layersMatchTheBuiltNetworks(String preset) {
        NetworkConfig c = NetworkPresets.named(preset, 3);
        ParameterCounts built = ParameterCounts.of(c, Device.cpu());
        long norms = 2L * c.dimIn();
        for (int i = 0; i < c.generatorResamplings(); i++) {
            norms += 2L * 2 * c.widthAfter(i);
        }
        norms += 2 * 2L * 2 * c.widthAfter(c.generatorResamplings());

        assertThat(parameters(FlopCounter.generator(c))).isEqualTo(built.generator() - norms);
        assertThat(parameters(FlopCounter.mappingNetwork(c))).isEqualTo(built.mappingNetwork());
        assertThat(parameters(FlopCounter.styleEncoder(c))).isEqualTo(built.styleEncoder());
        assertThat(parameters(FlopCounter.discriminator(c))).isEqualTo(built.discriminator());
    }

    /**
     * Twice the pixels, twice the convolutions; the AdaIN style layers (style 8 -> 2 x width) run
     * once per sample whatever the size: bottleneck blocks 2 x (8x32 + 8x32), upsampling block
     * 8x32 + 8x16 = 1,408 multiply-adds.
     */
    @Test
    void generatorConvolutionsGrowWithThePixels() {
        long square = FlopCounter.forwardFlops(FlopCounter.generator(TINY, 32, 32), 1);
        long styleLayers = 2 * 1_408;

        assertThat(FlopCounter.forwardFlops(FlopCounter.generator(TINY, 64, 32), 1))
                .isEqualTo(2 * (square - styleLayers) + styleLayers);
    }

    /**
     * The full-resolution branch by hand (cpu preset, dim_in 16): a 3x3 16->16 and a 1x1 16->16
     * convolution with biases, 2,304 + 16 + 256 + 16 = 2,592 parameters, at 32x32:
     * (2,304 + 256) x 1,024 = 2,621,440 multiply-adds per sample; the built generator agrees.
     */
    @Test
    void theGeneratorsFullResolutionBranchByHand() {
        NetworkConfig cpu = NetworkPresets.named(NetworkPresets.CPU, 4);
        NetworkConfig skip = cpu.withFullResSkip(true);

        assertThat(parameters(FlopCounter.generator(skip)) - parameters(FlopCounter.generator(cpu))).isEqualTo(2_592);
        assertThat(ParameterCounts.of(skip, Device.cpu()).generator() - ParameterCounts.of(cpu, Device.cpu()).generator())
                .isEqualTo(2_592);
        assertThat(FlopCounter.forwardFlops(FlopCounter.generator(skip), 1)
                - FlopCounter.forwardFlops(FlopCounter.generator(cpu), 1)).isEqualTo(2L * 2_621_440);
    }

    /**
     * The tiny discriminator as a patch discriminator, by hand (multiply-adds per sample, as in
     * {@link #tinyDiscriminatorMatchesAHandCount}): d_patch 8 keeps the stem and blocks 0-1 (to
     * 8x8), no 4x4 head, logits 16->2 at 8x8 = 2,048; d_patch 4 keeps all three blocks, logits at
     * 4x4 = 512. Parameters: the one-decision D less the 4x4 head (16x16x16 + 16), less block2
     * (2 x (16x16x9 + 16)) for d_patch 8; the built networks agree.
     */
    @Test
    void tinyPatchDiscriminatorsMatchAHandCount() {
        long trunk8 = 221_184 + 589_824 + 294_912 + 131_072 + 589_824 + 147_456;
        NetworkConfig patch8 = TINY.withDPatch(8);
        NetworkConfig patch4 = TINY.withDPatch(4);

        assertThat(FlopCounter.forwardFlops(FlopCounter.discriminator(patch8), 1)).isEqualTo(2 * (trunk8 + 2_048));
        assertThat(FlopCounter.forwardFlops(FlopCounter.discriminator(patch4), 1))
                .isEqualTo(2 * (trunk8 + 147_456 + 36_864 + 512));
        long head = 16 * 16 * 16 + 16;
        long block2 = 2 * (16 * 16 * 9 + 16);
        long full = parameters(FlopCounter.discriminator(TINY));
        assertThat(parameters(FlopCounter.discriminator(patch4))).isEqualTo(full - head);
        assertThat(parameters(FlopCounter.discriminator(patch8))).isEqualTo(full - head - block2);
        assertThat(ParameterCounts.of(patch8, Device.cpu()).discriminator()).isEqualTo(full - head - block2);
        assertThat(ParameterCounts.of(patch4, Device.cpu()).discriminator()).isEqualTo(full - head);
    }
}
