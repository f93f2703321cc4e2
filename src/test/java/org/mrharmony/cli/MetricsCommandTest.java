package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.eval.Mae;
import org.mrharmony.eval.SimilarityScores;
import org.mrharmony.eval.Ssim;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

class MetricsCommandTest {

    private static Volume random(int nx, int ny, int nz, long seed, Affine affine) {
        Random rnd = new Random(seed);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextInt(200);
        }
        return new Volume(nx, ny, nz, d, affine);
    }

    private static MetricsCommand.Named named(String name, Volume v) {
        return new MetricsCommand.Named(name, v);
    }

    @Test
    void scoresInsideTheVoxelsAboveZeroOfTheMaskVolume() {
        Volume a = random(8, 9, 10, 1, Affine.identity());
        Volume b = random(8, 9, 10, 2, Affine.identity());
        Volume maskVolume = new Volume(8, 9, 10, Affine.identity());
        boolean[] expectedMask = new boolean[a.size()];
        for (int i = 0; i < a.size(); i++) {
            // Labels 0, 1, 2, -1: only 1 and 2 are > 0.
            maskVolume.data()[i] = (i % 4) == 3 ? -1 : i % 4;
            expectedMask[i] = i % 4 == 1 || i % 4 == 2;
        }
        SimilarityScores s = MetricsCommand.measure(named("a.nii", a), named("b.nii", b), named("m.nii", maskVolume), 250.0);
        assertThat(s.mae()).isCloseTo(Mae.of(a, b, expectedMask), within(1e-12));
        assertThat(s.ssim()).isCloseTo(Ssim.mean(a, b, expectedMask, 250), within(1e-12));
        assertThat(s.mae()).isNotCloseTo(Mae.of(a, b, null), within(1e-6));
    }

    @Test
    void mismatchedGridsNameBothFiles() {
        Volume a = random(8, 9, 10, 1, Affine.identity());
        assertThatThrownBy(() -> MetricsCommand.measure(named("A.nii.gz", a),
                named("B.nii.gz", random(8, 9, 11, 2, Affine.identity())), null, null))
            .isInstanceOf(UserError.class)
            .hasMessageContaining("A.nii.gz (8x9x10)").hasMessageContaining("B.nii.gz (8x9x11)");
        assertThatThrownBy(() -> MetricsCommand.measure(named("A.nii.gz", a),
                named("B.nii.gz", random(8, 9, 10, 2, Affine.diagonal(1, 1, 1.2))), null, null))
            .isInstanceOf(UserError.class)
            .hasMessageContaining("A.nii.gz and B.nii.gz").hasMessageContaining("affines");
        assertThatThrownBy(() -> MetricsCommand.measure(named("A.nii.gz", a), named("B.nii.gz", a),
                named("M.nii.gz", new Volume(8, 9, 10, Affine.identity())), null))
            .isInstanceOf(UserError.class).hasMessageContaining("M.nii.gz: mask is empty");
    }

    @Test
    void jsonHasExactlyTheThreeKeys() throws Exception {
        Volume a = random(6, 6, 6, 3, Affine.identity());
        SimilarityScores s = MetricsCommand.measure(named("a", a), named("b", a.copy()), null, null);
        JsonNode node = new ObjectMapper().readTree(MetricsCommand.toJson(s));
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("ssim", "psnr", "mae");
        assertThat(node.get("ssim").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(Double.parseDouble(node.get("psnr").asText())).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(node.get("mae").asDouble()).isZero();
    }

    @Test
    void textReportShowsTheThreeScores() {
        String text = MetricsCommand.toText(new SimilarityScores(0.5, 31.25, 2.5), "inside m.nii");
        assertThat(text.lines()).containsExactly("ssim  0.500000", "psnr  31.2500 dB", "mae   2.50000", "(inside m.nii)");
    }

    @Test
    void unreadableInputIsAOneLineErrorNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.nii.gz");
        CliRun r = run("metrics", missing.toString(), missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("mrharmony metrics: error: ").contains("nowhere.nii.gz");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void filesThroughMainRun(@TempDir Path dir) throws Exception {
        Volume a = random(8, 9, 10, 1, Affine.identity());
        Volume b = random(8, 9, 10, 2, Affine.identity());
        Path pa = dir.resolve("a.nii.gz");
        Path pb = dir.resolve("b.nii.gz");
        VolumeIO.write(pa, a);
        VolumeIO.write(pb, b);
        CliRun r = run("metrics", pa.toString(), pb.toString(), "--data-range", "200", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode node = new ObjectMapper().readTree(r.out());
        assertThat(node.get("mae").asDouble()).isCloseTo(Mae.of(a, b, null), within(1e-9));
        assertThat(node.get("ssim").asDouble()).isCloseTo(Ssim.mean(a, b, null, 200), within(1e-9));
        Path pc = dir.resolve("c.nii.gz");
        VolumeIO.write(pc, random(8, 9, 11, 3, Affine.identity()));
        CliRun bad = run("metrics", pa.toString(), pc.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("a.nii.gz").contains("c.nii.gz");
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
