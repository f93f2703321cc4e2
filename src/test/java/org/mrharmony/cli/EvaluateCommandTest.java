package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.report.ReportInBrowser;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * {@code evaluate} end to end through {@link Main#run}: a 40³ two-site cohort, a tiny model
 * trained for one step, every method, a second tiny model trained without the temporal
 * coherence loss as {@code --compare-model notc=...}, a two-region atlas, a briefly trained
 * site classifier. Run once; the tests look at its outputs.
 */
class EvaluateCommandTest {

    private static final String[] METHODS = {"none", "zscore", "whitestripe", "nyul", "gan", "gan_notc"};
    private static final String[] KEYS = {"ssim", "psnr", "mae", "site_accuracy", "site_fid", "gm_dice", "wm_dice",
        "thickness_mae_mm", "coherence", "target_rate", "gm_dice_truth", "wm_dice_truth", "w1", "gm_volume_ml",
        "wm_volume_ml", "csf_volume_ml", "volume_error_pct", "volume_change_pct", "thickness_region_mae_mm"};

    @TempDir
    static Path tmp;
    static Path cohort;
    static Path model;
    static Path notc;
    static Path atlas;
    static Path report;
    static CliRun run;

    @BeforeAll
    static void evaluateATinyCohort() throws Exception {
        cohort = tmp.resolve("cohort");
        model = tmp.resolve("model");
        report = tmp.resolve("report");
        assertThat(Main.run("synth", "--out", cohort.toString(), "--subjects", "3", "--sites", "2", "--size", "40",
            "--seed", "3")).isZero();
        assertThat(Main.run("train", "--data", cohort.toString(), "--out", model.toString(), "--preset", "tiny",
            "--steps", "1", "--batch", "2", "--quiet")).isZero();
        notc = tmp.resolve("notc");
        assertThat(Main.run("train", "--data", cohort.toString(), "--out", notc.toString(), "--preset", "tiny",
            "--steps", "1", "--batch", "2", "--lambda-tc", "0", "--seed", "2", "--quiet")).isZero();
        atlas = hemisphereAtlas(tmp);
        run = CliRun.of("evaluate", "--cohort", cohort.toString(), "--model", model.toString(), "--target", "siteA",
            "--out", report.toString(), "--classifier-steps", "20", "--compare-model", "notc=" + notc,
            "--atlas", atlas.toString(), "--quiet");
    }

    /**
     * A coarse atlas over the phantom's field of view (192 mm, centred at 0): region 1 left of
     * the midline, 2 right of it, named in atlas.nii.txt as MRIcron lists them.
     */
    private static Path hemisphereAtlas(Path dir) throws Exception {
        Volume labels = new Volume(12, 12, 12, Affine.of(new double[][] {{16, 0, 0, -88}, {0, 16, 0, -88},
            {0, 0, 16, -88}}));
        for (int z = 0; z < 12; z++) {
            for (int y = 0; y < 12; y++) {
                for (int x = 0; x < 12; x++) {
                    labels.set(x, y, z, x < 6 ? 1 : 2);
                }
            }
        }
        Path file = dir.resolve("hemispheres.nii.gz");
        VolumeIO.write(file, labels);
        Files.writeString(dir.resolve("hemispheres.nii.txt"), "1 Left_Hemisphere 1\n2 Right_Hemisphere 2\n");
        return file;
    }

    @Test
    void metricsJsonHasEveryKeyForEveryMethodWithFiniteValuesInRange() throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
        for (String method : METHODS) {
            JsonNode m = metrics.path(method);
            for (String key : KEYS) {
                assertThat(m.path(key).isNumber()).as(method + "." + key + " = " + m.path(key)).isTrue();
                assertThat(Double.isFinite(m.path(key).asDouble())).as(method + "." + key).isTrue();
            }
            int n = m.path("n").asInt();
            assertThat(n).as(method).isPositive();
            assertThat(m.path("subjects")).as(method).hasSize(n);
            assertThat(m.path("ssim").asDouble()).as(method).isBetween(-1.0, 1.0);
            assertThat(m.path("mae").asDouble()).as(method).isGreaterThanOrEqualTo(0.0);
            assertThat(m.path("site_accuracy").asDouble()).as(method).isBetween(0.0, 1.0);
            assertThat(m.path("target_rate").asDouble()).as(method).isBetween(0.0, 1.0);
            assertThat(m.path("site_accuracy").asDouble() + m.path("target_rate").asDouble()).as(method)
                .isLessThanOrEqualTo(1.0); // a scan is called its own site or the target, never both
            assertThat(m.path("site_fid").asDouble()).as(method).isGreaterThanOrEqualTo(0.0);
            assertThat(m.path("gm_dice").asDouble()).as(method).isBetween(0.0, 1.0);
            assertThat(m.path("wm_dice").asDouble()).as(method).isBetween(0.0, 1.0);
            assertThat(m.path("thickness_mae_mm").asDouble()).as(method).isGreaterThanOrEqualTo(0.0);
            assertThat(m.path("coherence").asDouble()).as(method).isPositive();
            long counted = 0;
            for (JsonNode row : m.path("confusion")) {
                for (JsonNode c : row) {
                    counted += c.asLong();
                }
            }
            assertThat(counted).as(method + " confusion total").isEqualTo(n);
        }
        // "none" hands the source scan on unchanged (in the head): its segmentation is the source's
        assertThat(metrics.path("none").path("gm_dice").asDouble()).isEqualTo(1.0);
        assertThat(metrics.path("none").path("volume_change_pct").asDouble()).isEqualTo(0.0);
        assertThat(metrics.path("none").path("thickness_mae_mm").asDouble()).isEqualTo(0.0);
        // z-score is a linear map of the brain intensities, and the mixture fit is invariant to it
        assertThat(metrics.path("zscore").path("gm_dice").asDouble()).isGreaterThan(0.99);
        JsonNode classifier = metrics.path("_run").path("classifier");
        assertThat(classifier.path("test_accuracy_unharmonized").asDouble()).isBetween(0.0, 1.0);
        assertThat(classifier.path("chance").asDouble()).isEqualTo(0.5);
        assertThat(run.out()).contains("report:").contains("site classifier");
    }

    @Test
    void comparedModelIsItsOwnMethodAndTheReportSetsItsCoherenceBesideTheMainModels() throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
        JsonNode gans = metrics.path("_run").path("gan_models");
        double mainTc = new ObjectMapper().readTree(model.resolve("config.json").toFile()).path("lambda_tc").asDouble();
        assertThat(mainTc).isPositive();
        assertThat(gans.path("gan").path("lambda_tc").asDouble()).isEqualTo(mainTc);
        assertThat(gans.path("gan_notc").path("lambda_tc").asDouble()).isEqualTo(0.0);
        assertThat(gans.path("gan_notc").path("model").asText()).isEqualTo(notc.toString());
        // a different model harmonizes differently: the two GAN entries are not copies of each other
        assertThat(metrics.path("gan_notc").path("ssim").asDouble()).isNotEqualTo(metrics.path("gan").path("ssim")
            .asDouble());
        String text = Jsoup.parse(report.resolve("report.html").toFile()).text();
        assertThat(text).contains(String.format(Locale.ROOT, "Coherence with the TC loss %.3f (gan), without %.3f "
            + "(gan_notc)", metrics.path("gan").path("coherence").asDouble(),
            metrics.path("gan_notc").path("coherence").asDouble()));
        // judged per scan (the same subject and source site through both models), not on the means:
        // this cohort has one test scan, too few to judge
        assertThat(text).contains("(gan_notc). Too few paired scans to compare.");
        assertThat(report.resolve("images").resolve("confusion-gan_notc.png")).exists();
        assertThat(report.resolve("images").resolve("box-coherence.png")).exists();
        assertThat(run.out()).contains("gan_notc");
    }

    @Test
    void atlasRegionsAreNamedFromTheLabelListAndAveraged() throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
        for (String method : METHODS) {
            JsonNode byRegion = metrics.path(method).path("thickness_region_mae_mm_by_region");
            assertThat(byRegion.fieldNames()).toIterable().containsExactly("Left_Hemisphere", "Right_Hemisphere");
            // the scan-level MAE averages each scan's regions; with every region measured in every scan it is the
            // mean of the per-region means
            double mean = (byRegion.path("Left_Hemisphere").asDouble() + byRegion.path("Right_Hemisphere").asDouble()) / 2;
            assertThat(metrics.path(method).path("thickness_region_mae_mm").asDouble()).as(method)
                .isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
        }
        var dom = Jsoup.parse(report.resolve("report.html").toFile());
        assertThat(dom.select("section#table-1 tbody tr")).hasSize(2);
        assertThat(dom.select("section#table-1").text()).contains("Left_Hemisphere (truth scan");
    }

    @Test
    void reportHasEveryFigureAndOpensInABrowserWithoutErrors() throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        Path html = report.resolve("report.html");
        assertThat(html).exists();
        for (String png : new String[] {"mosaic.png", "box-ssim.png", "box-gm-dice.png", "histograms.png",
            "confusion-unharmonized.png", "confusion-gan.png", "confusion-nyul.png"}) {
            assertThat(report.resolve("images").resolve(png)).exists();
        }
        var dom = ReportInBrowser.assertRendersWithoutErrors(html, tmp, 3, 15_000);
        assertThat(dom.select("table.metrics tbody tr")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(dom.select("table.metrics td.best")).isNotEmpty();
        assertThat(dom.text()).contains("Site-FID").contains("Coherence");
    }

    @Test
    void badInputIsOneLineErrorAndExitTwo() {
        CliRun unknownSite = CliRun.of("evaluate", "--cohort", cohort.toString(), "--model", model.toString(),
            "--target", "siteZ", "--out", tmp.resolve("r2").toString(), "--quiet");
        assertThat(unknownSite.exit()).isEqualTo(2);
        assertThat(unknownSite.errorLines()).singleElement().asString().contains("siteZ");
        CliRun notAModel = CliRun.of("evaluate", "--cohort", cohort.toString(), "--model", cohort.toString(),
            "--target", "siteA", "--out", tmp.resolve("r3").toString(), "--quiet");
        assertThat(notAModel.exit()).isEqualTo(2);
        assertThat(notAModel.errorLines()).singleElement().asString().contains("not a model directory");
        CliRun badMethod = CliRun.of("evaluate", "--cohort", cohort.toString(), "--model", model.toString(),
            "--target", "siteA", "--out", tmp.resolve("r4").toString(), "--methods", "none,magic", "--quiet");
        assertThat(badMethod.exit()).isEqualTo(2);
        assertThat(badMethod.errorLines()).singleElement().asString().contains("magic");
    }

    @Test
    void badCompareModelsAreOneLineErrors() throws Exception {
        CliRun badName = CliRun.of("evaluate", "--cohort", cohort.toString(), "--model", model.toString(),
            "--target", "siteA", "--out", tmp.resolve("r5").toString(), "--compare-model", "no-tc=" + notc, "--quiet");
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.errorLines()).singleElement().asString().contains("NAME").contains("no-tc");
        CliRun notAModel = CliRun.of("evaluate", "--cohort", cohort.toString(), "--model", model.toString(),
            "--target", "siteA", "--out", tmp.resolve("r6").toString(), "--compare-model", "x=" + cohort, "--quiet");
        assertThat(notAModel.exit()).isEqualTo(2);
        assertThat(notAModel.errorLines()).singleElement().asString().contains(cohort.toString())
            .contains("not a model directory");
        // the same model, told it was trained on other sites
        Path otherSites = tmp.resolve("other-sites");
        try (var files = Files.walk(model)) {
            for (Path f : files.toList()) {
                Files.copy(f, otherSites.resolve(model.relativize(f).toString()));
            }
        }
        Path info = otherSites.resolve("model.json");
        Files.writeString(info, Files.readString(info).replace("\"siteB\"", "\"siteQ\""));
        CliRun wrongSites = CliRun.of("evaluate", "--cohort", cohort.toString(), "--model", model.toString(),
            "--target", "siteA", "--out", tmp.resolve("r7").toString(), "--compare-model", "q=" + otherSites,
            "--quiet");
        assertThat(wrongSites.exit()).isEqualTo(2);
        assertThat(wrongSites.errorLines()).singleElement().asString().contains("siteQ").contains("differ");
        assertThat(tmp.resolve("r5")).doesNotExist();
        assertThat(tmp.resolve("r7")).doesNotExist();
    }
}
