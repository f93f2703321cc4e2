package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.harmonize.HarmonizeTestData;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.VolumeIO;

class BenchHarmonizeCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsTimesThroughputAndPeakMemoryAsJson() throws Exception {
        Path input = dir.resolve("head.nii.gz");
        VolumeIO.write(input, HarmonizeTestData.head(15, 17, 13, Affine.identity(), 1.0, 1));
        CliRun r = CliRun.of("bench", "harmonize", "--untrained", "tiny", "--input", input.toString(),
            "--resize", "16x18x12", "--repeat", "2", "--batch", "64", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("dims").toString()).isEqualTo("[16,18,12]");
        assertThat(json.path("slices").asInt()).isEqualTo(12);
        assertThat(json.path("runs")).hasSize(2);
        double mean = (json.path("runs").path(0).path("seconds").asDouble() + json.path("runs").path(1).path("seconds").asDouble()) / 2;
        assertThat(json.path("seconds_per_volume").asDouble()).isCloseTo(mean, org.assertj.core.api.Assertions.within(0.002));
        assertThat(json.path("slices_per_second").asDouble()).isPositive();
        assertThat(json.path("peak_rss_mb").asDouble()).isGreaterThan(10);
        assertThat(json.path("img_size").asInt()).isEqualTo(32);
    }

    @Test
    void needsExactlyOneModelSource() {
        CliRun r = CliRun.of("bench", "harmonize", "--input", dir.resolve("x.nii").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains("--model MODEL_DIR or --untrained PRESET");
    }
}
