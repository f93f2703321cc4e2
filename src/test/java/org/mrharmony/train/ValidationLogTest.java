package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.report.CurveChartSpec;
import org.mrharmony.report.ReferenceLine;

class ValidationLogTest {

    private static final String CSV = """
        step,method,target,ssim,mae
        2,gan,a,0.5,10
        2,gan,b,0.7,30
        2,none,a,0.6,20
        2,none,b,0.8,40
        4,gan,a,0.55,9
        4,gan,b,0.75,29
        4,none,a,0.6,20
        4,none,b,0.8,40
        """;

    @Test
    void resumingDropsTheRowsAfterTheCheckpointAndAppendsAfterTheRest(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ValidationLog.FILE), CSV);
        ValidationLog log = ValidationLog.open(dir, 3, "central 8 slices");
        assertThat(log.rows()).extracting(ValidationLog.Row::step).containsOnly(2L).hasSize(4);
        log.append(List.of(new ValidationLog.Row(4, "gan", "a", 0.25, 1.5)));
        List<String> lines = Files.readAllLines(dir.resolve(ValidationLog.FILE));
        assertThat(lines).hasSize(6).startsWith("step,method,target,ssim,mae", "2,gan,a,0.50000000,10.000000");
        assertThat(lines.get(5)).isEqualTo("4,gan,a,0.25000000,1.5000000");
        assertThat(dir.resolve(ValidationLog.SSIM_CHART)).isNotEmptyFile();
    }

    @Test
    void aNewRunStartsAFreshFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ValidationLog.FILE), CSV);
        assertThat(ValidationLog.open(dir, 0, "x").rows()).isEmpty();
    }

    /** The curve is the GAN's mean over targets per step; each baseline a line at its mean. */
    @Test
    void chartAveragesOverTargets(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ValidationLog.FILE), CSV);
        CurveChartSpec spec = ValidationLog.open(dir, 4, "x").chart("SSIM", ValidationLog.Row::ssim);
        assertThat(spec.series()).hasSize(1);
        assertThat(spec.series().get(0).steps()).containsExactly(2.0, 4.0);
        assertThat(spec.series().get(0).values()).containsExactly(new double[] {0.6, 0.65}, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(spec.references()).containsExactly(new ReferenceLine("none", 0.7));
    }

    @Test
    void aDamagedFileIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve(ValidationLog.FILE), "step,method,target,ssim,mae\n2,gan,a,x,1\n");
        assertThatThrownBy(() -> ValidationLog.open(dir, 2, "x")).isInstanceOf(IOException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("line 2");
    }
}
