package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.data.TinySites;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.train.TrainingRun;
import org.mrharmony.volume.VolumeIO;

class TrainCommandTest {

    static Path siteFolders(Path root) throws Exception {
        for (int s = 0; s < 2; s++) {
            Path site = Files.createDirectories(root.resolve("site" + (char) ('A' + s)));
            for (int i = 0; i < 2; i++) {
                VolumeIO.write(site.resolve("sub-" + i + ".nii.gz"), TinySites.head(40, 10, s, 10L * s + i));
            }
        }
        return root;
    }

    @Test
    void trainsATinyModelResumesItAndRefusesToOverwrite(@TempDir Path tmp) throws Exception {
        Path data = siteFolders(tmp.resolve("data"));
        Path model = tmp.resolve("model");
        int code = Main.run("train", "--data", data.toString(), "--out", model.toString(), "--preset", "tiny",
            "--steps", "2", "--batch", "2", "--quiet");
        assertThat(code).isZero();
        assertThat(ModelDirectory.exists(model)).isTrue();
        assertThat(model.resolve(TrainingRun.CONFIG_FILE)).exists();
        assertThat(model.resolve(TrainingRun.OPTIMIZER_FILE)).exists();
        ModelInfo info = ModelDirectory.readInfo(model);
        assertThat(info.step()).isEqualTo(2);
        assertThat(info.siteNames()).containsExactly("siteA", "siteB");
        assertThat(info.sites().get(0).meanStyle()).hasSize(8).doesNotContain(Float.NaN);
        assertThat(info.sites().get(1).intensity().high()).isGreaterThan(info.sites().get(1).intensity().mean());
        List<String> csv = Files.readAllLines(model.resolve("losses.csv"));
        assertThat(csv.get(0)).startsWith("step,d_real_lat");
        assertThat(csv).hasSize(2); // header + the last step (log_every 10 > 2 steps)

        assertThat(Main.run("train", "--data", data.toString(), "--out", model.toString(), "--preset", "tiny",
            "--steps", "2", "--quiet")).isEqualTo(2);

        // --threads 1: what the test JVM runs with anyway (OMP_NUM_THREADS=1), so it changes nothing else
        assertThat(Main.run("train", "--data", data.toString(), "--out", model.toString(), "--resume",
            "--steps", "3", "--threads", "1", "--quiet")).isZero();
        assertThat(ModelDirectory.readInfo(model).step()).isEqualTo(3);
        assertThat(Files.readAllLines(model.resolve("losses.csv"))).hasSize(3);
    }

    @Test
    void badInputGivesOneLineErrors(@TempDir Path tmp) throws Exception {
        Path data = siteFolders(tmp.resolve("data"));
        assertThat(Main.run("train", "--data", tmp.resolve("missing").toString(), "--out", tmp.resolve("m").toString(),
            "--quiet")).isEqualTo(2);
        assertThat(Main.run("train", "--data", data.toString(), "--out", tmp.resolve("m2").toString(), "--resume",
            "--quiet")).isEqualTo(2);
        assertThat(Main.run("train", "--data", data.toString(), "--out", tmp.resolve("m4").toString(), "--threads",
            "0", "--quiet")).isEqualTo(2);
        assertThat(tmp.resolve("m4")).doesNotExist();
        Path cfg = Files.writeString(tmp.resolve("c.json"), "{\"lamda_tc\": 1}");
        assertThat(Main.run("train", "--data", data.toString(), "--out", tmp.resolve("m3").toString(), "--preset",
            "tiny", "--config", cfg.toString(), "--quiet")).isEqualTo(2);
    }
}
