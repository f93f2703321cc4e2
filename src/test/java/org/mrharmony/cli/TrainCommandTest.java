package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.data.TinySites;
import org.mrharmony.eval.MaskedVolume;
import org.mrharmony.eval.NyulNormalizer;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.train.TrainingRun;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Volume;
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

    /** A new run from another model's weights, with the generator's full-resolution branch switched on. */
    @Test
    void initFromStartsANewRunFromAnotherModelsWeights(@TempDir Path tmp) throws Exception {
        Path data = siteFolders(tmp.resolve("data"));
        Path source = tmp.resolve("source");
        assertThat(Main.run("train", "--data", data.toString(), "--out", source.toString(), "--preset", "tiny",
            "--steps", "2", "--batch", "2", "--quiet")).isZero();
        Path cfg = Files.writeString(tmp.resolve("skip.json"), "{\"network\": {\"full_res_skip\": true}}");
        Path model = tmp.resolve("model");

        assertThat(Main.run("train", "--data", data.toString(), "--out", model.toString(), "--preset", "tiny",
            "--config", cfg.toString(), "--init-from", source.toString(), "--steps", "1", "--batch", "2",
            "--quiet")).isZero();

        assertThat(ModelDirectory.readInfo(model).step()).isEqualTo(1);
        try (StarGanV2 nets = ModelDirectory.readNetworks(model, Device.cpu())) {
            assertThat(nets.config().fullResSkip()).isTrue();
        }
        JsonNode record = new ObjectMapper().readTree(model.resolve(TrainingRun.WARM_START_FILE).toFile());
        assertThat(record.get("source").asText()).isEqualTo(source.toAbsolutePath().normalize().toString());
        assertThat(record.get("source_step").asLong()).isEqualTo(2);
        assertThat(record.get("fresh")).hasSize(8); // the branch's two convolutions, in G and its EMA copy
        assertThat(record.get("copied").asInt()).isGreaterThan(100);
        assertThat(record.get("unused")).isEmpty();

        // not with --resume; not from a folder without a model
        assertThat(Main.run("train", "--data", data.toString(), "--out", model.toString(), "--resume",
            "--init-from", source.toString(), "--quiet")).isEqualTo(2);
        assertThat(Main.run("train", "--data", data.toString(), "--out", tmp.resolve("m5").toString(), "--preset",
            "tiny", "--init-from", tmp.resolve("nothing").toString(), "--steps", "1", "--quiet")).isEqualTo(2);
        assertThat(tmp.resolve("m5")).doesNotExist();
    }

    /**
     * {@code "standardize": "nyul"} end to end: the pooled standard is in model.json, harmonize
     * uses the model (finite output on the input's grid), and --resume reads the standard back
     * rather than fitting it again on data that has changed since.
     */
    @Test
    void trainsWithAnInputStandardHarmonizesAndResumesWithIt(@TempDir Path tmp) throws Exception {
        Path data = siteFolders(tmp.resolve("data"));
        Path cfg = Files.writeString(tmp.resolve("nyul.json"), "{\"standardize\": \"nyul\"}");
        Path model = tmp.resolve("model");
        assertThat(Main.run("train", "--data", data.toString(), "--out", model.toString(), "--preset", "tiny",
            "--config", cfg.toString(), "--steps", "2", "--batch", "2", "--quiet")).isZero();
        ModelInfo info = ModelDirectory.readInfo(model);
        double[] pooled = NyulNormalizer.fitToTarget(headMasked(data)).standardScale();
        assertThat(info.inputStandard().standardScale()).containsExactly(pooled, within(1e-9 * pooled[10]));

        Path scan = data.resolve("siteA").resolve("sub-0.nii.gz");
        Path out = tmp.resolve("out");
        assertThat(Main.run("harmonize", "--model", model.toString(), "--target", "siteB", "--batch", "64",
            scan.toString(), "--out", out.toString())).isZero();
        Volume in = VolumeIO.read(scan).volume();
        Volume harmonized = VolumeIO.read(out.resolve("sub-0_harmonized.nii.gz")).volume();
        assertThat(harmonized.grid()).isEqualTo(in.grid());
        for (float v : harmonized.data()) {
            assertThat(v).isFinite();
        }

        // the data change; a refit would give another standard, the resumed run keeps the stored one
        float[] changed = in.data().clone();
        for (int i = 0; i < changed.length; i++) {
            changed[i] = (float) Math.pow(changed[i], 1.5) / 10;
        }
        VolumeIO.write(scan, in.withData(changed));
        assertThat(NyulNormalizer.fitToTarget(headMasked(data)).standardScale()[5])
            .isNotCloseTo(pooled[5], within(1e-3 * pooled[10]));
        assertThat(Main.run("train", "--data", data.toString(), "--out", model.toString(), "--resume",
            "--steps", "3", "--quiet")).isZero();
        ModelInfo resumed = ModelDirectory.readInfo(model);
        assertThat(resumed.step()).isEqualTo(3);
        assertThat(resumed.inputStandard().standardScale()).containsExactly(info.inputStandard().standardScale());

        // a model.json that lost its standard cannot continue a run configured with one
        ModelDirectory.writeInfo(model, new ModelInfo(resumed.formatVersion(), resumed.projectVersion(),
            resumed.sites(), resumed.sliceAxis(), resumed.channels(), resumed.clipPercentile(), resumed.step(),
            resumed.training()));
        assertThat(Main.run("train", "--data", data.toString(), "--out", model.toString(), "--resume",
            "--steps", "4", "--quiet")).isEqualTo(2);
    }

    /** Every training volume of the site folders with its head mask, read back from the files. */
    private static List<MaskedVolume> headMasked(Path data) throws Exception {
        List<MaskedVolume> all = new ArrayList<>();
        for (String site : List.of("siteA", "siteB")) {
            for (int i = 0; i < 2; i++) {
                Volume v = VolumeIO.read(data.resolve(site).resolve("sub-" + i + ".nii.gz")).volume();
                all.add(new MaskedVolume(v, ForegroundMask.compute(v).toArray()));
            }
        }
        return all;
    }
}
