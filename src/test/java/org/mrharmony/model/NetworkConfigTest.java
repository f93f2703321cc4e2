package org.mrharmony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkConfigTest {

    @Test
    void paperPresetIsThePublishedArchitectureAt256() {
        NetworkConfig paper = NetworkPresets.named("paper", 4);

        assertThat(paper).isEqualTo(new NetworkConfig(256, 3, 64, 512, 64, 16, 4, 512, false));
        assertThat(paper.generatorResamplings()).isEqualTo(4);
        assertThat(paper.downsampleFactor()).isEqualTo(16);
        assertThat(paper.trunkDownsamplings()).isEqualTo(6);
    }

    @Test
    void paperAtOtherSizesUsesTheOriginalsWidthRule() {
        // core/model.py: dim_in = 2**14 // img_size
        assertThat(NetworkPresets.paper(128, 2).dimIn()).isEqualTo(128);
        assertThat(NetworkPresets.paper(512, 2).dimIn()).isEqualTo(32);
    }

    @Test
    void cpuIsTheDefaultAndStartsAsIdentity() {
        NetworkConfig cpu = NetworkPresets.named(NetworkPresets.DEFAULT, 2);

        assertThat(NetworkPresets.DEFAULT).isEqualTo("cpu");
        assertThat(cpu.residualOutput()).isTrue();
        // the demo's measured-fastest size: 32 px, widths 16 -> 64, mapping hidden 128
        assertThat(cpu.imgSize()).isEqualTo(32);
        assertThat(cpu.dimIn()).isEqualTo(16);
        assertThat(cpu.maxConvDim()).isEqualTo(64);
        assertThat(cpu.mappingHidden()).isEqualTo(128);
        assertThat(cpu.downsampleFactor()).isEqualTo(2);
    }

    @Test
    void widthsDoubleUpToTheCap() {
        NetworkConfig c = new NetworkConfig(256, 3, 64, 512, 64, 16, 2, 512, false);

        assertThat(c.widthAfter(0)).isEqualTo(64);
        assertThat(c.widthAfter(1)).isEqualTo(128);
        assertThat(c.widthAfter(3)).isEqualTo(512);
        assertThat(c.widthAfter(6)).isEqualTo(512);
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> NetworkPresets.named("tiny", 2).withImgSize(48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("img_size must be a power of two");
        assertThatThrownBy(() -> NetworkPresets.named("tiny", 2).withImgSize(8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> NetworkPresets.named("tiny", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("num_domains must be positive, got 0");
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        assertThatThrownBy(() -> NetworkPresets.named("huge", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown network preset 'huge'")
                .hasMessageContaining("paper, cpu, tiny");
    }

    @Test
    void jsonRoundTripWithSnakeCaseKeys() throws IOException {
        NetworkConfig cpu = NetworkPresets.named("cpu", 3);

        String json = NetworkConfigJson.toJson(cpu);

        assertThat(json).contains("\"img_size\"", "\"max_conv_dim\"", "\"residual_output\"");
        assertThat(json).doesNotContain("downsample", "resamplings");
        assertThat(NetworkConfigJson.fromJson(json)).isEqualTo(cpu);
    }

    @Test
    void readingAConfigWithAMissingKeyNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("net.json");
        Files.writeString(file, NetworkConfigJson.toJson(NetworkPresets.named("tiny", 2)).replaceAll("\"style_dim\" : \\d+,", ""));

        assertThatThrownBy(() -> NetworkConfigJson.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not a valid network config")
                .hasMessageContaining("style_dim");
    }

    /** A config.json saved before the generator's full-resolution branch existed reads as one without it. */
    @Test
    void aConfigWithoutTheSkipKeyIsAGeneratorWithoutTheBranch() throws IOException {
        NetworkConfig cpu = NetworkPresets.named("cpu", 4);
        String old = NetworkConfigJson.toJson(cpu).replaceAll(",\\s*\"full_res_skip\" : (true|false)", "");
        assertThat(old).doesNotContain("full_res_skip").contains("residual_output");

        assertThat(NetworkConfigJson.fromJson(old)).isEqualTo(cpu.withFullResSkip(false));
        NetworkConfig skip = cpu.withFullResSkip(true);
        assertThat(NetworkConfigJson.fromJson(NetworkConfigJson.toJson(skip))).isEqualTo(skip);
        assertThatThrownBy(() -> NetworkConfigJson.fromJson("[1, 2]")).isInstanceOf(IOException.class);
    }

    /** d_patch: 0 or a power of two up to img_size / 4; a config.json without the key is the original D. */
    @Test
    void patchDiscriminatorSizesAreCheckedAndOldConfigsReadAsOneDecision() throws IOException {
        NetworkConfig cpu = NetworkPresets.named("cpu", 4);
        assertThat(cpu.dPatch()).isZero();
        assertThat(cpu.discriminatorDecisions()).isEqualTo(1);
        assertThat(cpu.withDPatch(8).discriminatorDecisions()).isEqualTo(64);
        assertThat(cpu.withDPatch(8).discriminatorDownsamplings()).isEqualTo(2);
        assertThat(cpu.withDPatch(4).discriminatorDownsamplings()).isEqualTo(cpu.trunkDownsamplings());
        for (int bad : new int[] {-4, 3, 6, 16, 32}) {
            assertThatThrownBy(() -> cpu.withDPatch(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("d_patch");
        }
        String old = NetworkConfigJson.toJson(cpu).replaceAll(",\\s*\"d_patch\" : \\d+", "");
        assertThat(old).doesNotContain("d_patch").contains("full_res_skip");
        assertThat(NetworkConfigJson.fromJson(old)).isEqualTo(cpu);
        NetworkConfig patch = cpu.withDPatch(4);
        assertThat(NetworkConfigJson.fromJson(NetworkConfigJson.toJson(patch))).isEqualTo(patch);
    }
}
