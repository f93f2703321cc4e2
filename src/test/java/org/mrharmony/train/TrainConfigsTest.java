package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.model.NetworkPresets;

/** How a configuration file and options resolve around the preset's defaults. */
class TrainConfigsTest {

    /** The discriminator's learning rate follows lr unless it is set itself (file or option). */
    @Test
    void discriminatorLearningRateFollowsLrUnlessSet(@TempDir Path dir) throws Exception {
        assertThat(TrainConfigs.resolve(NetworkPresets.TINY, 2, null, Map.of()).lrD()).isEqualTo(1e-4f);

        Path lrOnly = Files.writeString(dir.resolve("lr.json"), "{\"lr\": 3e-4}");
        TrainConfig a = TrainConfigs.resolve(NetworkPresets.TINY, 2, lrOnly, Map.of());
        assertThat(a.lr()).isEqualTo(3e-4f);
        assertThat(a.lrD()).isEqualTo(3e-4f);

        Path both = Files.writeString(dir.resolve("both.json"), "{\"lr\": 3e-4, \"lr_d\": 1e-3}");
        TrainConfig b = TrainConfigs.resolve(NetworkPresets.TINY, 2, both, Map.of());
        assertThat(b.lr()).isEqualTo(3e-4f);
        assertThat(b.lrD()).isEqualTo(1e-3f);

        assertThat(TrainConfigs.resolve(NetworkPresets.TINY, 2, lrOnly, Map.of("lr_d", 5e-4f)).lrD()).isEqualTo(5e-4f);

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"lr_d\": 0}");
        assertThatThrownBy(() -> TrainConfigs.resolve(NetworkPresets.TINY, 2, bad, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(bad + ": invalid training configuration")
                .hasMessageContaining("lr_d");
    }

    /** A config.json saved before lr_d existed (resume) reads with D at the common rate. */
    @Test
    void aSavedConfigWithoutLrDUsesLr() throws Exception {
        TrainConfig cfg = TrainConfigs.resolve(NetworkPresets.TINY, 2, null, Map.of());
        ObjectNode tree = ModelDirectory.JSON.valueToTree(cfg);
        tree.remove("lr_d");
        tree.put("lr", 2e-4f);
        TrainConfig old = ModelDirectory.JSON.treeToValue(tree, TrainConfig.class);
        assertThat(old.lrD()).isEqualTo(2e-4f);
    }

    /**
     * The input standard is off unless the file sets it, is written to config.json, reads back,
     * and an older config.json without the key reads as off; an unknown method is refused.
     */
    @Test
    void standardizeIsOffByDefaultAndOnlyNoneOrNyul(@TempDir Path dir) throws Exception {
        TrainConfig plain = TrainConfigs.resolve(NetworkPresets.TINY, 2, null, Map.of());
        assertThat(plain.standardize()).isEqualTo("none");
        assertThat(plain.standardizes()).isFalse();

        Path nyul = Files.writeString(dir.resolve("nyul.json"), "{\"standardize\": \"nyul\"}");
        TrainConfig on = TrainConfigs.resolve(NetworkPresets.TINY, 2, nyul, Map.of());
        assertThat(on.standardizes()).isTrue();
        ObjectNode saved = ModelDirectory.JSON.valueToTree(on);
        assertThat(saved.get("standardize").asText()).isEqualTo("nyul");
        assertThat(ModelDirectory.JSON.treeToValue(saved, TrainConfig.class)).isEqualTo(on);

        ObjectNode old = ModelDirectory.JSON.valueToTree(plain);
        old.remove("standardize");
        assertThat(ModelDirectory.JSON.treeToValue(old, TrainConfig.class).standardize()).isEqualTo("none");

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"standardize\": \"zscore\"}");
        assertThatThrownBy(() -> TrainConfigs.resolve(NetworkPresets.TINY, 2, bad, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(bad + ": invalid training configuration")
                .hasMessageContaining("standardize must be 'none' or 'nyul', got 'zscore'");
    }
}
