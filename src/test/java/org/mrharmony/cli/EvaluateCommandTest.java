package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.report.ReportInBrowser;

/**
 * {@code evaluate} end to end through {@link Main#run}: a 40³ two-site cohort, a tiny model
 * trained for two steps, every method, a briefly trained site classifier. Run once; the tests
 * look at its outputs.
 */
class EvaluateCommandTest {

    private static final String[] METHODS = {"none", "zscore", "whitestripe", "nyul", "gan"};
    private static final String[] KEYS = {"ssim", "psnr", "mae", "site_accuracy", "site_fid", "gm_dice", "wm_dice",
        "thickness_mae_mm", "coherence", "target_rate", "gm_dice_truth", "wm_dice_truth", "w1"};

    @TempDir
    static Path tmp;
    static Path cohort;
    static Path model;
    static Path report;
    static CliRun run;

    @BeforeAll
    static void evaluateATinyCohort() {
        cohort = tmp.resolve("cohort");
        model = tmp.resolve("model");
        report = tmp.resolve("report");
        assertThat(Main.run("synth", "--out", cohort.toString(), "--subjects", "3", "--sites", "2", "--size", "40",
            "--seed", "3")).isZero();
        assertThat(Main.run("train", "--data", cohort.toString(), "--out", model.toString(), "--preset", "tiny",
            "--steps", "1", "--batch", "2", "--quiet")).isZero();
        run = CliRun.of("evaluate", "--cohort", cohort.toString(), "--model", model.toString(), "--target", "siteA",
            "--out", report.toString(), "--classifier-steps", "20", "--quiet");
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
        assertThat(metrics.path("none").path("thickness_mae_mm").asDouble()).isEqualTo(0.0);
        // z-score is a linear map of the brain intensities, and the mixture fit is invariant to it
        assertThat(metrics.path("zscore").path("gm_dice").asDouble()).isGreaterThan(0.99);
        JsonNode classifier = metrics.path("_run").path("classifier");
        assertThat(classifier.path("test_accuracy_unharmonized").asDouble()).isBetween(0.0, 1.0);
        assertThat(classifier.path("chance").asDouble()).isEqualTo(0.5);
        assertThat(run.out()).contains("report:").contains("site classifier");
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
}
