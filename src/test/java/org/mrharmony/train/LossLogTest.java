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
        String header = LossLog.header(List.of(StepLosses.NAMES));
        List<String> lines = new ArrayList<>(List.of(header));
        int columns = header.split(",").length;
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

    /** The columns follow the configuration's terms; a resumed log with other columns is refused, not mixed. */
    @Test
    void logsTheConfiguredTermsAndRefusesToResumeALogWithOtherColumns(@TempDir Path tmp) throws IOException {
        List<String> withCls = new ArrayList<>(List.of(StepLosses.NAMES));
        withCls.addAll(List.of(StepLosses.CLASSIFICATION_NAMES));
        java.util.Map<String, Float> terms = new java.util.LinkedHashMap<>();
        for (int i = 0; i < withCls.size(); i++) {
            terms.put(withCls.get(i), (float) i);
        }
        try (LossLog log = LossLog.open(tmp, 0, withCls)) {
            log.write(new StepLosses(10, terms), 3.0, 1.5);
        }
        List<String> lines = Files.readAllLines(tmp.resolve(LossLog.FILE));
        assertThat(lines.get(0)).endsWith(",g_cls_ref,images_per_s,seconds");
        assertThat(lines.get(1).split(",")).hasSize(lines.get(0).split(",").length);
        assertThat(lines.get(1).split(",")[withCls.size()]).isEqualTo(String.format(java.util.Locale.ROOT, "%.6g",
                (float) (withCls.size() - 1)));

        assertThatThrownBy(() -> LossLog.open(tmp, 10, List.of(StepLosses.NAMES)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(tmp.resolve(LossLog.FILE).toString())
                .hasMessageContaining("columns differ");
        // the same columns resume
        try (LossLog log = LossLog.open(tmp, 10, withCls)) {
            log.write(new StepLosses(20, terms), 3.0, 2.5);
        }
        assertThat(Files.readAllLines(tmp.resolve(LossLog.FILE))).hasSize(3);
    }
}
