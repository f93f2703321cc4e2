package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDiscriminatorCommandTest {

    @Test
    void helpNamesTheOptions() {
        CliRun r = CliRun.of("bench", "discriminator", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--data", "--config", "--every", "--steps", "--json", "--threads", "d_patch");
        assertThat(CliRun.of("bench", "--help").out()).contains("discriminator");
    }

    /** The settings come from --config and the options; one window per 3 steps, the last one shorter. */
    @Test
    void reportsWindowsAsJson(@TempDir Path tmp) throws Exception {
        Path data = TrainCommandTest.siteFolders(tmp.resolve("data"));
        Path cfg = Files.writeString(tmp.resolve("d.json"), "{\"lr_d\": 0.002, \"lambda_cls\": 0.5, \"network\": {\"d_patch\": 2}}");

        CliRun r = CliRun.of("bench", "discriminator", "--data", data.toString(), "--preset", "tiny", "--config",
            cfg.toString(), "--steps", "4", "--every", "3", "--batch", "2", "--seed", "3", "--threads", "1", "--quiet",
            "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("lr_d").asDouble()).isEqualTo(0.002, within(1e-9));
        assertThat(j.path("d_patch").asInt()).isEqualTo(2);
        assertThat(j.path("lambda_cls").asDouble()).isEqualTo(0.5, within(1e-9));
        assertThat(j.path("batch").asInt()).isEqualTo(2);
        assertThat(j.path("seed").asLong()).isEqualTo(3);
        JsonNode w = j.path("windows");
        assertThat(w).hasSize(2);
        assertThat(w.path(0).path("step").asInt()).isEqualTo(3);
        assertThat(w.path(1).path("steps").asInt()).isEqualTo(1);
        for (JsonNode row : w) {
            assertThat(row.path("d_real").isNumber()).isTrue();
            assertThat(row.path("decisions").asLong() % 4).isZero(); // 2 x 2 regions per counted sample
        }
        JsonNode last = w.path(1);
        assertThat(j.path("final_accuracy")).isEqualTo(last.path("accuracy"));
    }

    @Test
    void badInputGivesOneLineErrorsAndExitTwo(@TempDir Path tmp) throws Exception {
        CliRun missing = CliRun.of("bench", "discriminator", "--data", tmp.resolve("missing").toString(), "--quiet");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errorLines()).singleElement().asString()
            // CliErrors names the innermost command, as for 'model summary'
            .startsWith("mrharmony bench discriminator: error:").contains("missing");

        Path data = TrainCommandTest.siteFolders(tmp.resolve("data"));
        Path cfg = Files.writeString(tmp.resolve("bad.json"), "{\"lr_dd\": 1}");
        CliRun badConfig = CliRun.of("bench", "discriminator", "--data", data.toString(), "--preset", "tiny",
            "--config", cfg.toString(), "--quiet");
        assertThat(badConfig.exit()).isEqualTo(2);
        assertThat(badConfig.errorLines()).singleElement().asString().contains("bad.json", "lr_dd");

        CliRun zeroWindow = CliRun.of("bench", "discriminator", "--data", data.toString(), "--every", "0");
        assertThat(zeroWindow.exit()).isEqualTo(2);
        assertThat(zeroWindow.errorLines()).singleElement().asString().contains("--every must be at least 1");
    }
}
