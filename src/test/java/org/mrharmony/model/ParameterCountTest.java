package org.mrharmony.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our blocks have exactly as many parameters as the original PyTorch networks. */
class ParameterCountTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void paperPresetMatchesTheOriginalArchitectureAt256(int sites) {
        NetworkConfig paper = NetworkPresets.named(NetworkPresets.PAPER, sites);

        ParameterCounts ours = ParameterCounts.of(paper, Device.cpu());

        assertThat(ours).isEqualTo(OriginalArchitectureCount.of(paper));
    }

    /**
     * Known answers: the counts PyTorch's {@code sum(p.numel())} gives for the original
     * networks built with {@code img_size=256, style_dim=64, latent_dim=16, w_hpf=0}, worked out
     * separately (a Python walk of core/model.py's constructors), so the closed form above is
     * itself checked against a fixed answer.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void closedFormGivesTheKnownOriginalCounts(int sites) {
        ParameterCounts expected = sites == 2
                ? new ParameterCounts(33_892_995, 2_438_272, 20_916_928, 20_852_290)
                : new ParameterCounts(33_892_995, 3_259_072, 20_949_760, 20_852_803);

        assertThat(OriginalArchitectureCount.of(NetworkPresets.named(NetworkPresets.PAPER, sites))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {NetworkPresets.CPU, NetworkPresets.TINY})
    void smallPresetsMatchTheClosedForm(String preset) {
        NetworkConfig config = NetworkPresets.named(preset, 4);

        assertThat(ParameterCounts.of(config, Device.cpu())).isEqualTo(OriginalArchitectureCount.of(config));
    }
}
