package org.mrharmony.harmonize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.data.IntensityStats;

class HarmonizationModelTest {

    @TempDir
    static Path dir;
    private static Path good;

    @BeforeAll
    static void model() throws IOException {
        good = HarmonizeTestData.writeModel(dir.resolve("good"), HarmonizeTestData.TINY, 1);
    }

    private static Path withInfo(String name, ModelInfo info) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        HarmonizerTest.copyNetworks(good, d);
        ModelDirectory.writeInfo(d, info);
        return d;
    }

    private static ModelInfo info() throws IOException {
        return ModelDirectory.readInfo(good);
    }

    @Test
    void opensAGoodModelWithAndWithoutNetworks() throws IOException {
        try (HarmonizationModel m = HarmonizationModel.open(good, Device.cpu(), true)) {
            assertThat(m.hasNetworks()).isTrue();
            assertThat(m.site("beta").index()).isEqualTo(1);
        }
        try (HarmonizationModel m = HarmonizationModel.open(good, Device.cpu(), false)) {
            assertThat(m.hasNetworks()).isFalse();
        }
    }

    @Test
    void damagedDescriptionIsNamed() throws IOException {
        Path d = dir.resolve("damaged");
        Files.createDirectories(d);
        Files.writeString(d.resolve(ModelDirectory.INFO_FILE), "{ not json");
        assertThatThrownBy(() -> HarmonizationModel.open(d, Device.cpu(), true)).isInstanceOf(IOException.class)
            .hasMessageStartingWith(d.resolve(ModelDirectory.INFO_FILE).toString()).hasMessageContaining("damaged");
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        assertThatThrownBy(() -> HarmonizationModel.open(empty, Device.cpu(), true))
            .hasMessageContaining("not a model directory");
    }

    @Test
    void aModelFromAnIncompatibleVersionIsRefused() throws IOException {
        ModelInfo i = info();
        ModelInfo future = new ModelInfo(ModelDirectory.FORMAT_VERSION + 1, "99.0", i.sites(), i.sliceAxis(),
            i.channels(), i.clipPercentile(), i.step(), i.training());
        Path d = withInfo("future", future);
        assertThatThrownBy(() -> HarmonizationModel.open(d, Device.cpu(), true)).isInstanceOf(IOException.class)
            .hasMessageStartingWith(d.resolve(ModelDirectory.INFO_FILE).toString())
            .hasMessageContaining("model format version " + (ModelDirectory.FORMAT_VERSION + 1))
            .hasMessageContaining("expects " + ModelDirectory.FORMAT_VERSION);
    }

    @Test
    void missingOrTruncatedNetworksAreNamed() throws IOException {
        Path d = withInfo("truncated", info());
        Path g = d.resolve(ModelDirectory.NETWORKS_DIR).resolve("generator_ema.params");
        byte[] bytes = Files.readAllBytes(g);
        Files.write(g, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> HarmonizationModel.open(d, Device.cpu(), true)).isInstanceOf(IOException.class)
            .hasMessageContaining("generator_ema.params");
        Files.delete(g);
        assertThatThrownBy(() -> HarmonizationModel.open(d, Device.cpu(), true)).isInstanceOf(IOException.class)
            .hasMessageContaining("generator_ema.params");
    }

    @Test
    void descriptionThatDoesNotFitItsNetworksIsRefused() throws IOException {
        ModelInfo i = info();
        ModelInfo fiveChannels = new ModelInfo(i.formatVersion(), i.projectVersion(), i.sites(), i.sliceAxis(), 5,
            i.clipPercentile(), i.step(), i.training());
        assertThatThrownBy(() -> HarmonizationModel.open(withInfo("channels", fiveChannels), Device.cpu(), true))
            .hasMessageContaining("5 slices per stack").hasMessageContaining("3 channels");
        ModelInfo threeSites = i.withStep(1, List.of(i.sites().get(0), i.sites().get(1),
            new SiteInfo("gamma", 2, new IntensityStats(1, 2), null)));
        assertThatThrownBy(() -> HarmonizationModel.open(withInfo("sites", threeSites), Device.cpu(), true))
            .hasMessageContaining("3 sites").hasMessageContaining("networks have 2");
        ModelInfo shortStyle = i.withStep(1, List.of(new SiteInfo("alpha", 0, new IntensityStats(1, 2), new float[3]),
            new SiteInfo("beta", 1, new IntensityStats(1, 2), new float[3])));
        assertThatThrownBy(() -> HarmonizationModel.open(withInfo("style", shortStyle), Device.cpu(), true))
            .hasMessageContaining("mean style of length 3");
    }

    @Test
    void inconsistentSiteListsAreRefused() throws IOException {
        ModelInfo i = info();
        ModelInfo twice = i.withStep(1, List.of(i.sites().get(0), i.sites().get(0)));
        assertThatThrownBy(() -> HarmonizationModel.open(withInfo("twice", twice), Device.cpu(), false))
            .hasMessageContaining("listed twice");
        ModelInfo badIndex = i.withStep(1, List.of(i.sites().get(0),
            new SiteInfo("beta", 5, new IntensityStats(1, 2), null)));
        assertThatThrownBy(() -> HarmonizationModel.open(withInfo("index", badIndex), Device.cpu(), false))
            .hasMessageContaining("site indices must be 0..1");
        ModelInfo mixedStyles = i.withStep(1, List.of(i.sites().get(0),
            new SiteInfo("beta", 1, new IntensityStats(1, 2), new float[3])));
        assertThatThrownBy(() -> HarmonizationModel.open(withInfo("mixed", mixedStyles), Device.cpu(), false))
            .hasMessageContaining("differ in length");
        ModelInfo axis = new ModelInfo(1, "x", i.sites(), 3, 3, 99.5, 0, null);
        assertThatThrownBy(() -> HarmonizationModel.open(withInfo("axis", axis), Device.cpu(), false))
            .hasMessageContaining("slice_axis");
    }

    /** An input standard that cannot map anything (percentiles out of order, lengths differing) is refused. */
    @Test
    void unusableInputStandardIsRefused() throws IOException {
        ModelInfo i = info();
        ModelInfo unordered = new ModelInfo(i.formatVersion(), i.projectVersion(), i.sites(), i.sliceAxis(),
            i.channels(), i.clipPercentile(), i.step(), i.training(),
            new SiteBaselines.NyulFit(new double[] {50, 1, 99}, new double[] {1, 2, 3}));
        Path d = withInfo("unordered", unordered);
        assertThatThrownBy(() -> HarmonizationModel.open(d, Device.cpu(), false)).isInstanceOf(IOException.class)
            .hasMessageStartingWith(d.resolve(ModelDirectory.INFO_FILE) + ": unusable input_standard")
            .hasMessageContaining("percentiles must increase");
        ModelInfo uneven = new ModelInfo(i.formatVersion(), i.projectVersion(), i.sites(), i.sliceAxis(),
            i.channels(), i.clipPercentile(), i.step(), i.training(),
            new SiteBaselines.NyulFit(new double[] {1, 50, 99}, new double[] {1, 2}));
        assertThatThrownBy(() -> HarmonizationModel.open(withInfo("uneven", uneven), Device.cpu(), false))
            .hasMessageContaining("unusable input_standard");
    }
}
