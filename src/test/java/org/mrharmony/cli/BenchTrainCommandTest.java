package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mrharmony.model.NetworkPresets;
import org.mrharmony.train.IterationFlops;

class BenchTrainCommandTest {

    @Test
    void referenceStepReportsSpeedFlopsUtilisationAndMemoryAsJson() throws Exception {
        CliRun r = CliRun.of("bench", "train", "--preset", "tiny", "--sites", "3", "--batch", "2", "--steps", "2",
            "--warmup", "0", "--reference-step", "--conv-repeat", "1", "--conv-size", "8", "--rss-every", "1", "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        long expectedFlops = IterationFlops.of(NetworkPresets.named(NetworkPresets.TINY, 3), 2, false).total();
        double seconds = j.path("seconds_per_iteration").asDouble();
        assertThat(j.path("flops_per_iteration").asLong()).isEqualTo(expectedFlops);
        assertThat(j.path("seconds")).hasSize(2);
        assertThat(seconds).isPositive();
        // the JSON rounds every figure to 6 decimals: compare to 1 %
        assertThat(j.path("images_per_second").asDouble()).isCloseTo(2 / seconds, withinPercentage(1));
        assertThat(j.path("achieved_gflops").asDouble()).isCloseTo(expectedFlops / seconds / 1e9, withinPercentage(1));
        double conv = j.path("reference_convolution").path("best_gflops").asDouble();
        assertThat(conv).isPositive();
        assertThat(j.path("mfu").asDouble()).isCloseTo(j.path("achieved_gflops").asDouble() / conv, within(0.002));
        assertThat(j.path("rss_mb")).hasSize(2);
        assertThat(j.path("peak_rss_mb").asDouble()).isGreaterThanOrEqualTo(j.path("rss_mb").path(1).path("rss_mb").asDouble());
        assertThat(j.path("reference_step").asBoolean()).isTrue();
    }

    @Test
    void rejectsZeroSteps() {
        CliRun r = CliRun.of("bench", "train", "--preset", "tiny", "--steps", "0");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains("--steps must be at least 1");
    }
}
