package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.data.SiteDataset;
import org.mrharmony.eval.IdentityNormalizer;
import org.mrharmony.eval.IntensityNormalizer;
import org.mrharmony.eval.MaskedVolume;
import org.mrharmony.eval.NyulNormalizer;
import org.mrharmony.eval.SimilarityScores;
import org.mrharmony.harmonize.HarmonizeOptions;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.harmonize.IntensityMap;
import org.mrharmony.harmonize.Harmonizer;
import org.mrharmony.harmonize.SliceRange;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.synth.CohortGenerator;
import org.mrharmony.synth.CohortManifest;
import org.mrharmony.synth.CohortSpec;
import org.mrharmony.synth.SiteParameters;
import org.mrharmony.synth.SubjectParameters;
import org.mrharmony.volume.CropPad;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.IndexBox;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * Validation, sample grids and loss chart of a training run, on a tiny travelling-subject cohort
 * (40³, 2 sites, 2 training and 2 test subjects) with the {@code tiny} networks.
 */
class TrainingObservabilityTest {

    private static final int SLAB = 8;

    @TempDir
    static Path tmp;
    static Path cohort;
    static SiteDataset dataset;
    /** A run validating (and drawing samples) at steps 2 and 4, stopped after step 2 and resumed to 4. */
    static Path model;
    static List<ValidationLog.Row> afterStep2;
    static List<ValidationLog.Row> rows;

    @BeforeAll
    static void trainOnATinyCohort() throws Exception {
        cohort = tmp.resolve("cohort");
        CohortGenerator.generate(new CohortSpec(4, SiteParameters.defaults(2), 40, null, null, 5, 0.5, 2), cohort,
            () -> { });
        dataset = SiteDataset.open(cohort);
        model = tmp.resolve("model");
        TrainingRun.run(config(2, 2), dataset, model, false, null, false);
        afterStep2 = ValidationLog.read(model.resolve(ValidationLog.FILE));
        TrainingRun.run(TrainingRun.readConfig(model).withSteps(4), dataset, model, true, null, false);
        rows = ValidationLog.read(model.resolve(ValidationLog.FILE));
    }

    static TrainConfig config(long steps, int every) throws Exception {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("steps", steps);
        keys.put("batch", 2);
        keys.put("log_every", 1);
        keys.put("checkpoint_every", 2);
        keys.put("validate_every", every);
        keys.put("sample_every", every);
        keys.put("validate_subjects", 2);
        keys.put("validate_slices", SLAB);
        return TrainConfigs.resolve(NetworkPresets.TINY, 2, null, keys);
    }

    @Test
    void validationWritesOneRowPerStepMethodAndTargetWithFiniteScores() throws Exception {
        List<String> keys = rows.stream().map(r -> r.step() + "/" + r.method() + "/" + r.target()).toList();
        List<String> expected = new ArrayList<>();
        for (long step : new long[] {2, 4}) {
            for (String method : List.of("gan", "none", "nyul")) {
                for (String site : dataset.sites()) {
                    expected.add(step + "/" + method + "/" + site);
                }
            }
        }
        assertThat(keys).containsExactlyInAnyOrderElementsOf(expected);
        for (ValidationLog.Row r : rows) {
            assertThat(r.ssim()).as("%s", r).isFinite().isBetween(-1.0, 1.0);
            assertThat(r.mae()).as("%s", r).isFinite().isNotNegative();
        }
        assertThat(Files.readAllLines(model.resolve(ValidationLog.FILE)).get(0)).isEqualTo("step,method,target,ssim,mae");
        assertThat(ImageIO.read(model.resolve(ValidationLog.SSIM_CHART).toFile()).getWidth())
            .isEqualTo(ValidationLog.CHART_WIDTH);
        assertThat(model.resolve(ValidationLog.MAE_CHART)).isNotEmptyFile();
        assertThat(ImageIO.read(model.resolve(LossChart.FILE).toFile()).getHeight())
            .isEqualTo(ValidationLog.CHART_HEIGHT);
    }

    /**
     * The baselines' rows against the same figures computed here from the files with the eval
     * classes directly: Nyúl fitted on the target site's training scans, each held-out scan
     * mapped with its head mask, the central slab cut out, SSIM and MAE inside the brain.
     */
    @Test
    void baselineRowsEqualAnIndependentComputation() throws Exception {
        List<String> subjects = CohortManifest.read(cohort).subjectIds(SubjectParameters.TEST);
        assertThat(subjects).hasSize(2);
        for (String target : dataset.sites()) {
            List<MaskedVolume> targetTraining = new ArrayList<>();
            for (Path scan : dataset.train().get(target)) {
                Volume v = VolumeIO.read(scan).volume();
                targetTraining.add(new MaskedVolume(v, ForegroundMask.compute(v).toArray()));
            }
            Map<String, IntensityNormalizer> methods = Map.of("none", new IdentityNormalizer(),
                "nyul", NyulNormalizer.fitToTarget(targetTraining));
            for (Map.Entry<String, IntensityNormalizer> method : methods.entrySet()) {
                double[] expected = meanScores(subjects, target, (subject, source) -> {
                    Volume in = VolumeIO.read(cohort.resolve(source).resolve(subject + ".nii.gz")).volume();
                    return method.getValue().apply(in, ForegroundMask.compute(in).toArray());
                });
                for (long step : new long[] {2, 4}) {
                    ValidationLog.Row row = row(rows, step, method.getKey(), target);
                    assertThat(row.ssim()).as("%s", row).isCloseTo(expected[0], within(1e-6));
                    assertThat(row.mae()).as("%s", row).isCloseTo(expected[1], within(1e-6 * expected[1]));
                }
            }
        }
    }

    /**
     * The GAN's last row is what harmonizing with the saved model gives: the in-process
     * validation translates with the EMA networks and mean styles that the checkpoint stores (and
     * the linear map-back: a slab's landmarks are not the whole volume's).
     */
    @Test
    void ganRowsEqualHarmonizingWithTheSavedModel() throws Exception {
        List<String> subjects = CohortManifest.read(cohort).subjectIds(SubjectParameters.TEST);
        for (String target : dataset.sites()) {
            HarmonizeOptions options = HarmonizeOptions.defaults(target).withIntensityMap(IntensityMap.STATS);
            try (Harmonizer h = Harmonizer.open(model, options)) {
                double[] expected = meanScores(subjects, target, (subject, source) -> {
                    Volume in = VolumeIO.read(cohort.resolve(source).resolve(subject + ".nii.gz")).volume();
                    return h.harmonize(in, slab(subject), n -> { });
                });
                ValidationLog.Row row = row(rows, 4, "gan", target);
                assertThat(row.ssim()).as("%s", row).isCloseTo(expected[0], within(1e-5));
                assertThat(row.mae()).as("%s", row).isCloseTo(expected[1], within(1e-5 * expected[1]));
            }
        }
    }

    /**
     * With {@code "standardize": "nyul"} the validation translates scans mapped onto the run's
     * input standard: its GAN rows are harmonizing with the saved model (which maps them too),
     * and not harmonizing with the same model told it has no standard.
     */
    @Test
    void validationUsesTheInputStandard() throws Exception {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("steps", 2L);
        keys.put("batch", 2);
        keys.put("checkpoint_every", 2);
        keys.put("validate_every", 2);
        keys.put("validate_subjects", 2);
        keys.put("validate_slices", SLAB);
        keys.put("standardize", "nyul");
        Path standardised = tmp.resolve("standardised");
        TrainingRun.run(TrainConfigs.resolve(NetworkPresets.TINY, 2, null, keys), dataset, standardised, false, null,
            false);
        ModelInfo info = ModelDirectory.readInfo(standardised);
        assertThat(info.inputStandard()).isNotNull();
        List<ValidationLog.Row> validated = ValidationLog.read(standardised.resolve(ValidationLog.FILE));
        List<String> subjects = CohortManifest.read(cohort).subjectIds(SubjectParameters.TEST);
        String target = dataset.sites().get(1);
        ValidationLog.Row row = row(validated, 2, "gan", target);
        HarmonizeOptions options = HarmonizeOptions.defaults(target).withIntensityMap(IntensityMap.STATS);
        assertThat(row.ssim()).isCloseTo(ganScores(standardised, options, subjects)[0], within(1e-5));

        ModelDirectory.writeInfo(standardised, new ModelInfo(info.formatVersion(), info.projectVersion(), info.sites(),
            info.sliceAxis(), info.channels(), info.clipPercentile(), info.step(), info.training()));
        assertThat(Math.abs(row.ssim() - ganScores(standardised, options, subjects)[0])).isGreaterThan(1e-4);
    }

    private static double[] ganScores(Path modelDir, HarmonizeOptions options, List<String> subjects)
            throws Exception {
        try (Harmonizer h = Harmonizer.open(modelDir, options)) {
            return meanScores(subjects, options.target(), (subject, source) -> h.harmonize(
                VolumeIO.read(cohort.resolve(source).resolve(subject + ".nii.gz")).volume(), slab(subject), n -> { }));
        }
    }

    @Test
    void sampleGridsHaveOneRowPerSiteAndSourcePlusTwoColumnsPerSite() throws Exception {
        for (long step : new long[] {2, 4}) {
            Path file = SampleGrid.file(model, step);
            assertThat(file.getFileName().toString()).isEqualTo(String.format("step_%06d.png", step));
            BufferedImage image = ImageIO.read(file.toFile());
            int cell = SampleGrid.PANEL_PIXELS + 6; // panel + gap (MosaicLayout)
            assertThat(image.getWidth()).isEqualTo(150 + 6 + (1 + 2 * 2) * cell); // label column, 5 panels
            assertThat(image.getHeight()).isEqualTo(30 + 6 + 2 * cell); // header, 2 sites
        }
        assertThat(SampleGrid.file(model, 2)).isNotEqualTo(SampleGrid.file(model, 4));
        assertThat(Files.readAllBytes(SampleGrid.file(model, 2)))
            .as("the networks changed between the grids").isNotEqualTo(Files.readAllBytes(SampleGrid.file(model, 4)));
    }

    /** Stopping at step 2 and resuming to 4 continues the file: each step once, the first rows kept. */
    @Test
    void resumingContinuesTheValidationFileWithoutDuplicates() throws Exception {
        assertThat(afterStep2).extracting(ValidationLog.Row::step).containsOnly(2L).hasSize(6);
        Map<Long, Long> perStep = rows.stream().collect(Collectors.groupingBy(ValidationLog.Row::step,
            Collectors.counting()));
        assertThat(perStep).containsOnly(Map.entry(2L, 6L), Map.entry(4L, 6L));
        assertThat(rows.subList(0, 6)).isEqualTo(afterStep2);
        assertThat(rows.stream().map(r -> r.step() + r.method() + r.target()).distinct()).hasSize(rows.size());
    }

    /**
     * The monitors only read the networks: the same two steps without validation and sample
     * grids give the same losses (unless a native NaN made either run skip an update at random,
     * see TrainerTest, which no comparison can reproduce).
     */
    @Test
    void validatingDoesNotChangeTheTraining() throws Exception {
        Path quiet = tmp.resolve("quiet");
        TrainingRun.run(config(2, 0), dataset, quiet, false, null, false);
        assertThat(quiet.resolve(ValidationLog.FILE)).doesNotExist();
        assertThat(quiet.resolve(SampleGrid.FOLDER)).doesNotExist();
        List<String> with = lossTerms(model, 2);
        List<String> without = lossTerms(quiet, 2);
        if (!skippedAnUpdate(with) && !skippedAnUpdate(without)) {
            assertThat(without).isEqualTo(with);
        }
    }

    /** The loss rows of steps 1..n without the timing columns. */
    private static List<String> lossTerms(Path modelDir, int n) throws Exception {
        List<String> lines = Files.readAllLines(modelDir.resolve(LossLog.FILE));
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, n + 1)) {
            out.add(line.substring(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1)));
        }
        return out;
    }

    private static boolean skippedAnUpdate(List<String> lossRows) {
        int column = List.of(lossRows.get(0).split(",")).indexOf("skipped_updates");
        return lossRows.stream().skip(1).anyMatch(l -> Double.parseDouble(l.split(",")[column]) > 0);
    }

    private interface Harmonize {
        Volume apply(String subject, String source) throws Exception;
    }

    /** Mean SSIM and MAE over subjects and source sites of the slab inside the brain. */
    private static double[] meanScores(List<String> subjects, String target, Harmonize harmonize) throws Exception {
        double ssim = 0;
        double mae = 0;
        int n = 0;
        for (String subject : subjects) {
            SliceRange slab = slab(subject);
            IndexBox box = new IndexBox(new int[] {0, 0, slab.first()}, new int[] {40, 40, slab.count()});
            Volume labels = CropPad.crop(VolumeIO.read(cohort.resolve("truth").resolve(subject + "_labels.nii.gz"))
                .volume(), box);
            boolean[] brain = new boolean[labels.size()];
            for (int i = 0; i < brain.length; i++) {
                brain[i] = labels.data()[i] > 0;
            }
            Volume truth = CropPad.crop(VolumeIO.read(cohort.resolve(target).resolve(subject + ".nii.gz")).volume(), box);
            for (String source : dataset.sites()) {
                if (!source.equals(target)) {
                    SimilarityScores s = SimilarityScores.compare(CropPad.crop(harmonize.apply(subject, source), box),
                        truth, brain, null);
                    ssim += s.ssim();
                    mae += s.mae();
                    n++;
                }
            }
        }
        return new double[] {ssim / n, mae / n};
    }

    /** SLAB axial slices around the middle of the subject's brain (the cohort is on a RAS grid). */
    private static SliceRange slab(String subject) throws Exception {
        Volume labels = VolumeIO.read(cohort.resolve("truth").resolve(subject + "_labels.nii.gz")).volume();
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int z = 0; z < labels.nz(); z++) {
            for (int y = 0; y < labels.ny(); y++) {
                for (int x = 0; x < labels.nx(); x++) {
                    if (labels.get(x, y, z) > 0) {
                        lo = Math.min(lo, z);
                        hi = Math.max(hi, z);
                    }
                }
            }
        }
        int first = (lo + hi) / 2 - SLAB / 2;
        return new SliceRange(first, first + SLAB - 1);
    }

    private static ValidationLog.Row row(List<ValidationLog.Row> rows, long step, String method, String target) {
        return rows.stream().filter(r -> r.step() == step && r.method().equals(method) && r.target().equals(target))
            .findFirst().orElseThrow(() -> new AssertionError("no row " + step + " " + method + " " + target));
    }
}
