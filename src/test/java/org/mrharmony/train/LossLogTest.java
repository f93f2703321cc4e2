package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training time of a model, added up from losses.csv across --resume runs. */
class LossLogTest {

    private static Path log(Path dir, double[][] stepSeconds) throws IOException {
        List<String> lines = new ArrayList<>(List.of(LossLog.header()));
        int columns = LossLog.header().split(",").length;
        for (double[] row : stepSeconds) {
            StringBuilder line = new StringBuilder().append((long) row[0]);
            for (int c = 1; c < columns - 1; c++) {
                line.append(",0.5");
            }
            lines.add(line.append(',').append(row[1]).toString());
        }
        return Files.write(dir.resolve(LossLog.FILE), lines);
    }

    @Test
    void addsUpTheRunsOfAResumedTraining(@TempDir Path tmp) throws IOException {
        // a first run to step 30 in 300 s, resumed at step 30 for 20 more steps in 250 s
        Path file = log(tmp, new double[][] {{10, 100}, {20, 200}, {30, 300}, {40, 130}, {50, 250}});
        assertThat(LossLog.trainingSeconds(file, 50)).isCloseTo(300 + 250, within(1e-9));
        assertThat(LossLog.trainingSeconds(file, 40)).isCloseTo(300 + 130, within(1e-9));
        assertThat(LossLog.trainingSeconds(file, 25)).isCloseTo(200, within(1e-9));
    }

    @Test
    void refusesAFileThatIsNotALossLog(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("losses.csv"), "a,b\n1,2\n");
        assertThatThrownBy(() -> LossLog.trainingSeconds(file, 10)).isInstanceOf(IOException.class)
            .hasMessageContaining(file.toString());
    }
}
