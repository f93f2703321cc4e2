package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.data.InputStandard;
import org.mrharmony.data.IntensityStats;
import org.mrharmony.data.NetworkView;
import org.mrharmony.data.PreparedVolume;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.data.TrainingSet;
import org.mrharmony.eval.MaskedVolume;
import org.mrharmony.eval.NyulNormalizer;
import org.mrharmony.harmonize.HarmonizeTestData;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.harmonize.SiteBaselines;
import org.mrharmony.harmonize.SiteInfo;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/** The baselines and the pooled input standard a training run fits (or reads back). */
class DataFitsTest {

    @TempDir
    static Path dir;
    private static SiteDataset dataset;
    private static final TrainConfig PLAIN = TrainConfig.defaults(NetworkPresets.TINY,
        NetworkPresets.named(NetworkPresets.TINY, 2));
    private static TrainConfig nyul;

    /** siteA: two scans; siteB: two other scans with a compressed contrast curve. */
    @BeforeAll
    static void data() throws IOException {
        for (int s = 0; s < 2; s++) {
            Path site = Files.createDirectories(dir.resolve("data").resolve("site" + (char) ('A' + s)));
            for (int i = 0; i < 2; i++) {
                Volume scan = HarmonizeTestData.head(18, 20, 16, Affine.diagonal(1, 1, 1), 1.0, 10L * s + i);
                VolumeIO.write(site.resolve("sub-" + i + ".nii.gz"),
                    s == 0 ? scan : HarmonizeTestData.compressedContrast(scan));
            }
        }
        dataset = SiteDataset.open(dir.resolve("data"));
        ObjectNode tree = ModelDirectory.JSON.valueToTree(PLAIN);
        tree.put("standardize", "nyul");
        nyul = ModelDirectory.JSON.treeToValue(tree, TrainConfig.class);
    }

    private static List<MaskedVolume> allTrainingVolumes() throws IOException {
        List<MaskedVolume> all = new ArrayList<>();
        for (String site : dataset.sites()) {
            for (Path p : dataset.train().get(site)) {
                Volume v = VolumeIO.read(p).volume();
                all.add(new MaskedVolume(v, ForegroundMask.compute(v).toArray()));
            }
        }
        return all;
    }

    /** One Nyúl scale over every site's volumes: the evaluation's own fit on all of them together. */
    @Test
    void theInputStandardIsPooledOverAllSites() throws IOException {
        DataFits fits = DataFits.fit(nyul, dataset, null, null, false);
        double[] expected = NyulNormalizer.fitToTarget(allTrainingVolumes()).standardScale();

        assertThat(fits.inputStandard().percentiles()).containsExactly(NyulNormalizer.DEFAULT_PERCENTILES);
        assertThat(fits.inputStandard().standardScale()).containsExactly(expected, within(1e-9 * expected[10]));
        assertThat(fits.standard()).isSameAs(fits.inputStandard());
        // not one site's scale: each site's own Nyul baseline is fitted as before, and differs
        for (SiteBaselines site : fits.baselines()) {
            assertThat(Math.abs(site.nyul().standardScale()[1] - expected[1])).isGreaterThan(10);
        }
        assertThat(fits.baselines()).hasSize(2);
    }

    /** The training set the sampler draws from holds each scan as the networks see it on the standard. */
    @Test
    void theTrainingVolumesAreTheStandardisedOnes() throws IOException {
        DataFits fits = DataFits.fit(nyul, dataset, null, null, false);
        TrainingSet on = TrainingSet.load(dataset, nyul.slicing(), fits.standard(), false);
        TrainingSet off = TrainingSet.load(dataset, PLAIN.slicing(), InputStandard.NONE, false);
        PreparedVolume first = on.volumes(1).get(0);
        Volume raw = VolumeIO.read(first.path()).volume();
        Mask head = ForegroundMask.compute(raw);
        assertThat(first.network().data()).containsExactly(
            NetworkView.of(raw, head, nyul.slicing().clipPercentile(), fits.inputStandard()).network().data());
        assertThat(off.volumes(1).get(0).network().data()).containsExactly(
            NetworkView.of(raw, head, PLAIN.slicing().clipPercentile(), InputStandard.NONE).network().data());
        assertThat(first.network().data()).isNotEqualTo(off.volumes(1).get(0).network().data());
        // the sites' scales (for the linear map back): apart on the raw scale, together on the standard
        double rawGap = off.siteIntensity(1).mean() - off.siteIntensity(0).mean();
        double standardGap = on.siteIntensity(1).mean() - on.siteIntensity(0).mean();
        assertThat(Math.abs(rawGap)).isGreaterThan(0.1 * off.siteIntensity(0).mean());
        assertThat(Math.abs(standardGap)).isLessThan(0.1 * Math.abs(rawGap));
    }

    @Test
    void withoutTheOptionThereIsNoInputStandard() throws IOException {
        DataFits fits = DataFits.fit(PLAIN, dataset, null, null, false);
        assertThat(fits.inputStandard()).isNull();
        assertThat(fits.standard()).isSameAs(InputStandard.NONE);
        assertThat(fits.baselines()).hasSize(2);
    }

    /** A warm start keeps its source's standard (its weights learned on it); a source without one: fit fresh. */
    @Test
    void aWarmStartCarriesItsSourcesStandard() throws IOException {
        SiteBaselines.NyulFit sourceStandard = new SiteBaselines.NyulFit(new double[] {1, 50, 99},
            new double[] {10, 20, 40});
        ModelInfo withStandard = info(sourceStandard);
        Path src = dir.resolve("source");

        assertThat(DataFits.fit(nyul, dataset, withStandard, src, false).inputStandard()).isSameAs(sourceStandard);
        assertThat(DataFits.fit(PLAIN, dataset, withStandard, src, false).inputStandard()).isNull();
        assertThat(DataFits.fit(nyul, dataset, info(null), src, false).inputStandard().standardScale())
            .containsExactly(DataFits.fit(nyul, dataset, null, null, false).inputStandard().standardScale());
    }

    /**
     * A resumed run reads its standard back (through model.json); a model and configuration that
     * disagree are refused.
     */
    @Test
    void aResumedRunReadsItsStandardBack() throws IOException {
        SiteBaselines.NyulFit stored = new SiteBaselines.NyulFit(new double[] {1, 50, 99}, new double[] {10, 20, 40});
        Path withStandard = Files.createDirectories(dir.resolve("resumed"));
        ModelDirectory.writeInfo(withStandard, info(stored));
        assertThat(DataFits.stored(nyul, withStandard).inputStandard().standardScale())
            .containsExactly(stored.standardScale());
        assertThatThrownBy(() -> DataFits.stored(PLAIN, withStandard))
            .isInstanceOf(IOException.class)
            .hasMessageContaining(withStandard.resolve(ModelDirectory.INFO_FILE).toString())
            .hasMessageContaining("has an input_standard but the run's configuration says standardize 'none'");

        Path without = Files.createDirectories(dir.resolve("plain"));
        ModelDirectory.writeInfo(without, info(null));
        // an older reader's model.json: without the option the key is not written at all
        assertThat(Files.readString(without.resolve(ModelDirectory.INFO_FILE))).doesNotContain("input_standard");
        assertThat(DataFits.stored(PLAIN, without).inputStandard()).isNull();
        assertThatThrownBy(() -> DataFits.stored(nyul, without))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("has no input_standard but the run's configuration says standardize 'nyul'");
    }

    private static ModelInfo info(SiteBaselines.NyulFit standard) {
        List<SiteInfo> sites = List.of(new SiteInfo("siteA", 0, new IntensityStats(1, 2), null),
            new SiteInfo("siteB", 1, new IntensityStats(1, 3), null));
        return new ModelInfo(ModelDirectory.FORMAT_VERSION, "test", sites, 2, 3, 99.5, 7, null, standard);
    }
}
