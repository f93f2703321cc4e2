package org.mrharmony.harmonize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.data.InputStandard;
import org.mrharmony.data.IntensityStats;
import org.mrharmony.eval.MaskedVolume;
import org.mrharmony.eval.WhiteStripe;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Reorient;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;
import org.mrharmony.volume.VolumeStats;

class HarmonizerTest {

    @TempDir
    static Path dir;
    private static Path identityModel;
    private static Path plainModel;

    /** A canonical (RAS) head with anisotropic voxels, odd in-plane sizes (padding is exercised). */
    private static final Affine RAS = Affine.of(new double[][] {{1.2, 0, 0, -11}, {0, 1, 0, -13}, {0, 0, 1.5, -9}});

    @BeforeAll
    static void models() throws IOException {
        identityModel = HarmonizeTestData.writeModel(dir.resolve("identity"), HarmonizeTestData.TINY_IDENTITY, 1);
        plainModel = HarmonizeTestData.writeModel(dir.resolve("plain"), HarmonizeTestData.TINY, 2);
    }

    /**
     * The defaults with one forward pass per test volume: on a busy machine every pass costs a
     * thread hand-over per op, and the batch size does not change results (StackTranslatorTest).
     */
    static HarmonizeOptions options(String target) {
        return HarmonizeOptions.defaults(target).withBatch(64);
    }

    private static Volume head(long seed) {
        return HarmonizeTestData.head(21, 23, 17, RAS, 1.0, seed);
    }

    private static Volume harmonize(Path model, HarmonizeOptions options, Volume input) throws IOException {
        try (Harmonizer h = Harmonizer.open(model, options)) {
            return h.harmonize(input, n -> { });
        }
    }

    @Test
    void identityGeneratorGivesTheInputOnTheTargetScaleWithEitherRestack() throws IOException {
        Volume input = head(7);
        PreparedInput prepared = PreparedInput.of(input, 99.5, InputStandard.NONE);
        IntensityStats own = prepared.stats();
        IntensityStats target = HarmonizeTestData.BETA_SCALE;
        float[] expected = new float[input.size()];
        int inHead = 0;
        for (int i = 0; i < expected.length; i++) {
            if (prepared.head().get(i)) {
                inHead++;
                double y = Math.max(-1, Math.min(1, (input.data()[i] - own.mean()) / (own.high() - own.mean())));
                expected[i] = (float) Math.max(0, y * (target.high() - target.mean()) + target.mean());
            }
        }
        assertThat(inHead).isGreaterThan(input.size() / 4);
        HarmonizeOptions beta = options("beta").withIntensityMap(IntensityMap.STATS);
        Volume centre = harmonize(identityModel, beta.withRestack(Restack.CENTER), input);
        Volume mean = harmonize(identityModel, beta.withRestack(Restack.MEAN), input);
        assertThat(centre.data()).containsExactly(expected, within(1e-4f));
        assertThat(mean.data()).containsExactly(expected, within(1e-4f));
        assertThat(centre.affine()).isEqualTo(input.affine());
    }

    /**
     * A model trained on standardised inputs maps its output back through the standard: with an
     * identity generator and the target's scale equal to the input's own on the standard, the
     * linear map back gives the standardised input (whose landmarks are the standard), and the
     * fixed map from the standard puts them on the target site's Nyúl scale — far from the
     * standard's, which the output would keep without it.
     */
    @Test
    void aStandardisedModelsLinearMapBackLandsOnTheTargetsLandmarks() throws IOException {
        Volume input = head(7);
        Mask head = ForegroundMask.compute(input);
        Volume other = head(8);
        SiteBaselines.NyulFit standard = new NyulFitter().add(new MaskedVolume(input, head.toArray()))
            .add(new MaskedVolume(other, ForegroundMask.compute(other).toArray())).result();
        ModelInfo info = ModelDirectory.readInfo(identityModel);
        SiteInfo beta = info.sites().get(1);
        IntensityStats inputOnStandard = PreparedInput.of(input, 99.5, standard).stats();
        Path standardised = dir.resolve("standardised");
        copyNetworks(identityModel, standardised);
        ModelDirectory.writeInfo(standardised, new ModelInfo(info.formatVersion(), info.projectVersion(),
            List.of(info.sites().get(0), new SiteInfo("beta", 1, inputOnStandard, beta.meanStyle(), beta.baselines())),
            info.sliceAxis(), info.channels(), info.clipPercentile(), info.step(), info.training(), standard));

        Volume out = harmonize(standardised, options("beta").withIntensityMap(IntensityMap.STATS), input);

        double[] target = beta.baselines().nyul().standardScale();
        double[] landmarks = beta.baselines().nyul().toNormalizer().landmarks(out, head.toArray());
        double range = target[target.length - 1] - target[0];
        assertThat(landmarks).containsExactly(target, within(1e-3 * range));
        assertThat(Math.abs(standard.standardScale()[5] - target[5])).isGreaterThan(0.5 * range);
        assertThat(out.affine()).isEqualTo(input.affine());

        // without the target's landmarks there is no way back from the standard
        ModelDirectory.writeInfo(standardised, new ModelInfo(info.formatVersion(), info.projectVersion(),
            List.of(info.sites().get(0), new SiteInfo("beta", 1, inputOnStandard, beta.meanStyle())),
            info.sliceAxis(), info.channels(), info.clipPercentile(), info.step(), info.training(), standard));
        assertThatThrownBy(() -> Harmonizer.open(standardised, options("beta").withIntensityMap(IntensityMap.STATS)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("site 'beta' has no fitted Nyul landmarks, which a model trained on standardised");
    }

    /**
     * With the landmark map the output's own head percentiles land on the target's standard
     * landmarks (what Nyúl–Udupa standardisation means), whatever the linear map left; and the
     * order of the voxels is the stats map's (the landmark map is increasing).
     */
    @Test
    void landmarkMapPutsTheOutputsPercentilesOnTheTargetsStandardScale() throws IOException {
        Volume input = head(9);
        PreparedInput prepared = PreparedInput.of(input, 99.5, InputStandard.NONE);
        HarmonizeOptions beta = options("beta");
        assertThat(beta.intensityMap()).isEqualTo(IntensityMap.LANDMARKS);
        Volume stats = harmonize(identityModel, beta.withIntensityMap(IntensityMap.STATS), input);
        Volume landmarks = harmonize(identityModel, beta, input);
        SiteBaselines.NyulFit fit;
        try (HarmonizationModel m = HarmonizationModel.open(identityModel, ai.djl.Device.cpu(), false)) {
            fit = m.site("beta").baselines().nyul();
        }
        float[] head = new float[prepared.head().count()];
        float[] headStats = new float[head.length];
        int n = 0;
        for (int i = 0; i < input.size(); i++) {
            if (prepared.head().get(i)) {
                headStats[n] = stats.data()[i];
                head[n++] = landmarks.data()[i];
            }
        }
        double[] ps = fit.percentiles();
        double[] got = VolumeStats.percentiles(head, ps);
        double range = fit.standardScale()[ps.length - 1] - fit.standardScale()[0];
        for (int k = 0; k < ps.length; k++) {
            assertThat(got[k]).as("p%s", ps[k]).isCloseTo(fit.standardScale()[k], within(0.01 * range));
        }
        assertThat(VolumeStats.percentiles(headStats, ps)[5]).as("the stats map alone lands elsewhere")
            .isNotCloseTo(fit.standardScale()[5], within(0.01 * range));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < Math.min(n, i + 40); j++) {
                if (headStats[i] < headStats[j]) {
                    assertThat(head[i]).isLessThanOrEqualTo(head[j]);
                }
            }
        }
    }

    @Test
    void sameImageStoredInAnotherOrientationGivesTheSameResultInTheWorld() throws IOException {
        Volume canonical = head(8);
        Volume fromCanonical = harmonize(plainModel, options("alpha"), canonical);
        int[][] perms = {{0, 1, 2}, {0, 1, 2}, {2, 0, 1}};
        boolean[][] flips = {{true, true, false}, {true, false, false}, {false, true, true}};
        String[] codes = {"LPS", "LAS", "PIR"};
        for (int t = 0; t < perms.length; t++) {
            Volume stored = storedAs(canonical, perms[t], flips[t]);
            assertThat(org.mrharmony.volume.Orientation.of(stored.affine()).code()).isEqualTo(codes[t]);
            Volume out = harmonize(plainModel, options("alpha"), stored);
            assertThat(out.affine()).as(codes[t]).isEqualTo(stored.affine());
            assertThat(Reorient.toCanonical(out).volume().data()).as(codes[t]).containsExactly(fromCanonical.data());
        }
    }

    /**
     * The same voxels stored with axes permuted and flipped: canonical axis a is stored axis
     * {@code perm[a]}, reversed when {@code flip[a]}; the affine keeps every voxel's world position.
     */
    static Volume storedAs(Volume canonical, int[] perm, boolean[] flip) {
        int[] n = canonical.dims();
        int[] ns = new int[3];
        for (int a = 0; a < 3; a++) {
            ns[perm[a]] = n[a];
        }
        Volume stored = new Volume(ns[0], ns[1], ns[2], Affine.identity());
        int[] s = new int[3];
        int[] c = new int[3];
        for (s[2] = 0; s[2] < ns[2]; s[2]++) {
            for (s[1] = 0; s[1] < ns[1]; s[1]++) {
                for (s[0] = 0; s[0] < ns[0]; s[0]++) {
                    for (int a = 0; a < 3; a++) {
                        c[a] = flip[a] ? n[a] - 1 - s[perm[a]] : s[perm[a]];
                    }
                    stored.set(s[0], s[1], s[2], canonical.get(c[0], c[1], c[2]));
                }
            }
        }
        double[] m = new double[16];
        for (int a = 0; a < 3; a++) {
            m[4 * a + perm[a]] = flip[a] ? -1 : 1;
            m[4 * a + 3] = flip[a] ? n[a] - 1 : 0;
        }
        m[15] = 1;
        return new Volume(ns[0], ns[1], ns[2], stored.data(), canonical.affine().multiply(new Affine(m)));
    }

    @Test
    void sameInputSameOptionsSameBits() throws IOException {
        Volume input = head(9);
        HarmonizeOptions options = options("beta").withStyle(new StyleSource.Latent(5));
        assertThat(harmonize(plainModel, options, input).data())
            .containsExactly(harmonize(plainModel, options, input).data());
    }

    /**
     * Translating a slab gives, inside it, what translating the whole volume gives (its edge
     * slices still get every stack that covers them; values up to float rounding), and it is the in-memory model that
     * does it: the networks stay open after the harmonizer is closed.
     */
    @Test
    void aSlabIsTranslatedExactlyAsInTheWholeVolume() throws IOException {
        Volume input = head(12); // canonical: 21 x 23 x 17, slices along z (axis 2)
        // the landmark map depends on the histogram of what was translated; the stats map does not
        HarmonizeOptions options = options("beta").withRestack(Restack.MEAN).withIntensityMap(IntensityMap.STATS);
        Volume whole = harmonize(plainModel, options, input);
        SliceRange slab = new SliceRange(6, 9);
        try (org.mrharmony.model.StarGanV2 nets = ModelDirectory.readNetworks(plainModel, ai.djl.Device.cpu())) {
            ModelInfo info = ModelDirectory.readInfo(plainModel);
            for (int pass = 0; pass < 2; pass++) {
                try (Harmonizer h = Harmonizer.open(HarmonizationModel.inMemory(plainModel, info, nets), options)) {
                    Volume part = h.harmonize(input, slab, n -> { });
                    boolean outsideDiffers = false;
                    for (int z = 0; z < input.nz(); z++) {
                        float[] a = zSlice(part, z);
                        float[] b = zSlice(whole, z);
                        if (z >= slab.first() && z <= slab.last()) {
                            // a pass over fewer stacks may round differently in the last bit
                            assertThat(a).as("slice %d", z).containsExactly(b, within(1e-3f));
                        } else {
                            outsideDiffers |= !java.util.Arrays.equals(a, b);
                        }
                    }
                    assertThat(outsideDiffers).as("slices outside the slab are not translated").isTrue();
                }
            }
        }
    }

    private static float[] zSlice(Volume v, int z) {
        float[] out = new float[v.nx() * v.ny()];
        System.arraycopy(v.data(), v.index(0, 0, z), out, 0, out.length);
        return out;
    }

    @Test
    void styleSourcesGiveDifferentCodesAndEachIsReproducible() throws IOException {
        Volume reference = HarmonizeTestData.head(20, 22, 16, RAS, 0.4, 11);
        Path refFile = dir.resolve("reference.nii.gz");
        VolumeIO.write(refFile, reference);
        HarmonizeOptions beta = options("beta");
        float[] mean;
        float[] latent5;
        float[] latent6;
        float[] fromReference;
        try (Harmonizer h = Harmonizer.open(plainModel, beta)) {
            mean = h.styleCode();
            assertThat(mean).containsExactly(h.target().meanStyle());
        }
        try (Harmonizer h = Harmonizer.open(plainModel, beta.withStyle(new StyleSource.Latent(5)))) {
            latent5 = h.styleCode();
        }
        try (Harmonizer h = Harmonizer.open(plainModel, beta.withStyle(new StyleSource.Latent(5)))) {
            assertThat(h.styleCode()).containsExactly(latent5);
        }
        try (Harmonizer h = Harmonizer.open(plainModel, beta.withStyle(new StyleSource.Latent(6)))) {
            latent6 = h.styleCode();
        }
        try (Harmonizer h = Harmonizer.open(plainModel, beta.withStyle(new StyleSource.Reference(refFile)))) {
            fromReference = h.styleCode();
        }
        assertThat(latent5).hasSize(HarmonizeTestData.TINY.styleDim()).isNotEqualTo(latent6).isNotEqualTo(mean);
        assertThat(fromReference).hasSize(HarmonizeTestData.TINY.styleDim()).isNotEqualTo(mean).isNotEqualTo(latent5);
    }

    @Test
    void zscoreBaselineGivesTheTargetSitesMeanAndSdInsideTheHead() throws IOException {
        Volume input = head(12);
        Volume out = harmonize(plainModel, options("beta").withMethod(HarmonizeMethod.ZSCORE), input);
        PreparedInput prepared = PreparedInput.of(input, 99.5, InputStandard.NONE);
        SiteBaselines.MeanSd target = ModelDirectory.readInfo(plainModel).site("beta").orElseThrow().baselines().zscore();
        VolumeStats.MeanSd got = VolumeStats.meanSd(out, prepared.head());
        assertThat(got.mean()).isCloseTo(target.mean(), within(1e-3 * target.sd()));
        assertThat(got.sd()).isCloseTo(target.sd(), within(1e-3 * target.sd()));
        for (int i = 0; i < out.size(); i++) {
            if (!prepared.head().get(i)) {
                assertThat(out.data()[i]).isZero();
            }
        }
    }

    @Test
    void nyulBaselinePutsTheMedianOnTheStandardScaleAndNoneKeepsTheInput() throws IOException {
        Volume input = head(13);
        PreparedInput prepared = PreparedInput.of(input, 99.5, InputStandard.NONE);
        SiteBaselines.NyulFit nyul = ModelDirectory.readInfo(plainModel).site("alpha").orElseThrow().baselines().nyul();
        Volume out = harmonize(plainModel, options("alpha").withMethod(HarmonizeMethod.NYUL), input);
        // Percentile 50 is landmark 5 of {1, 10, ..., 90, 99}: mapped exactly onto the standard scale.
        assertThat(nyul.percentiles()[5]).isEqualTo(50);
        assertThat(VolumeStats.percentile(out, prepared.head(), 50)).isCloseTo(nyul.standardScale()[5], within(0.5));
        Volume none = harmonize(plainModel, options("alpha").withMethod(HarmonizeMethod.NONE), input);
        for (int i = 0; i < input.size(); i++) {
            assertThat(none.data()[i]).isEqualTo(prepared.head().get(i) ? input.data()[i] : 0f);
        }
        Volume ws = harmonize(plainModel, options("alpha").withMethod(HarmonizeMethod.WHITESTRIPE),
            input);
        SiteBaselines.WhiteStripeFit fit = ModelDirectory.readInfo(plainModel).site("alpha").orElseThrow().baselines()
            .whiteStripe();
        // The input's own stripe, mapped, has the target stripe's mean.
        WhiteStripe.Stripe own = WhiteStripe.find(org.mrharmony.eval.Masks.values(input, prepared.head().toArray()),
            fit.width());
        double sum = 0;
        int n = 0;
        for (int i = 0; i < input.size(); i++) {
            float v = input.data()[i];
            if (prepared.head().get(i) && v > own.lower() && v < own.upper()) {
                sum += ws.data()[i];
                n++;
            }
        }
        assertThat(sum / n).isCloseTo(fit.mean(), within(1e-3 * fit.sd()));
    }

    @Test
    void refusesUnknownSitesMissingBaselinesAndMissingMeanStyles() throws IOException {
        assertThatThrownBy(() -> Harmonizer.open(plainModel, options("gamma")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown site 'gamma'").hasMessageContaining("alpha, beta")
            .hasMessageContaining(plainModel.toString());
        ModelInfo info = ModelDirectory.readInfo(plainModel);
        Path bare = dir.resolve("bare");
        java.nio.file.Files.createDirectories(bare);
        copyNetworks(plainModel, bare);
        ModelDirectory.writeInfo(bare, info.withStep(info.step(), info.sites().stream()
            .map(s -> new SiteInfo(s.name(), s.index(), s.intensity(), null)).toList()));
        assertThatThrownBy(() -> Harmonizer.open(bare, options("alpha")))
            .hasMessageContaining("has no mean style");
        assertThatThrownBy(() -> Harmonizer.open(bare, options("alpha").withMethod(HarmonizeMethod.NYUL)))
            .hasMessageContaining("no fitted intensity baselines");
    }

    static void copyNetworks(Path from, Path to) throws IOException {
        Path src = from.resolve(ModelDirectory.NETWORKS_DIR);
        Path dst = to.resolve(ModelDirectory.NETWORKS_DIR);
        java.nio.file.Files.createDirectories(dst);
        try (var files = java.nio.file.Files.list(src)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
    }
}
