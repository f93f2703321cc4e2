package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shortened demo end to end: phantom cohort, tiny networks, a few seconds of training. */
class DemoCommandTest {

    @Test
    void shortDemoWritesMetricsForEveryMethodAndAReport(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("demo");
        int code = Main.run("demo", "--out", out.toString(), "--minutes", "0.1", "--preset", "tiny", "--phantom",
            "--subjects", "4", "--size", "48", "--classifier-steps", "20", "--quiet");
        assertThat(code).isZero();
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("report/metrics.json").toFile());
        for (String method : new String[] {"none", "zscore", "whitestripe", "nyul", "gan"}) {
            JsonNode m = metrics.path(method);
            assertThat(m.path("ssim").asDouble(Double.NaN)).as(method).isBetween(-1.0, 1.0);
            assertThat(m.path("mae").asDouble(-1)).as(method).isGreaterThanOrEqualTo(0.0);
            assertThat(m.path("n").asInt()).as(method).isEqualTo(3); // 1 test subject x 3 source sites
            // issue 7's evidence: every figure of evaluate, for every method
            for (String key : new String[] {"site_accuracy", "target_rate", "site_fid", "gm_dice", "wm_dice",
                "thickness_mae_mm", "coherence", "w1"}) {
                assertThat(Double.isFinite(m.path(key).asDouble(Double.NaN))).as(method + "." + key).isTrue();
            }
        }
        // the untrained-ish identity-start GAN cannot be better than the truth itself, and no harmonization
        // of a different site is not perfect: an honest sanity range, not a quality claim
        assertThat(metrics.path("none").path("ssim").asDouble()).isLessThan(1.0);
        assertThat(out.resolve("report/report.html")).exists();
        assertThat(out.resolve("report/images/mosaic.png")).exists();
        assertThat(out.resolve("model/model.json")).exists();
        assertThat(metrics.path("_run").path("anatomy").asText()).isEqualTo("phantom");
        // the jar's bundled model is the cpu preset on Colin27: a tiny phantom demo trains from scratch and says why
        assertThat(metrics.path("_run").path("start").asText()).isEqualTo("scratch");
        assertThat(metrics.path("_run").path("start_reason").asText()).contains("--preset tiny");
        assertThat(metrics.path("_run").path("classifier").path("steps").asInt()).isEqualTo(20);
    }
}
