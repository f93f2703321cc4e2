package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.harmonize.ModelInfo;
import org.mrharmony.io.Sha256;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.synth.SiteParameters;
import org.mrharmony.train.LossLog;
import org.mrharmony.train.TrainConfig;
import org.mrharmony.train.TrainingRun;
import picocli.CommandLine;

/** The model the jar ships: present, complete, loadable, and described by pretrained.json truthfully. */
class BundledModelTest {

    private static BundledModel real() throws IOException {
        return BundledModel.onClasspath().orElseThrow(() -> new AssertionError(
            "no " + BundledModel.RESOURCE + " on the classpath (models/ missing from the build?)"));
    }

    @Test
    void theBundledModelCopiesOutCompleteAndLoads(@TempDir Path tmp) throws Exception {
        BundledModel bundle = real();
        Path copy = tmp.resolve("model");
        bundle.copyTo(copy);
        PretrainedModel p = bundle.info();
        ModelInfo info = ModelDirectory.readInfo(copy);
        // the measured fields agree with the model's own files
        assertThat(info.step()).isEqualTo(p.steps());
        assertThat(info.siteNames()).isEqualTo(p.sites());
        // hours = this run's (its log) + those already in the networks it was warm-started from
        double before = p.warmStart() == null ? 0 : p.warmStart().hours();
        assertThat((p.hours() - before) * 3600).isCloseTo(LossLog.trainingSeconds(copy.resolve(LossLog.FILE),
            p.steps()), within(1e-6));
        TrainConfig config = TrainingRun.readConfig(copy);
        assertThat(config).isEqualTo(bundle.config());
        assertThat(config.preset()).isEqualTo(p.preset());
        assertThat(config.seed()).isEqualTo(p.seed());
        assertThat(config.network().numDomains()).isEqualTo(p.sites().size());
        assertThat(copy.resolve(TrainingRun.OPTIMIZER_FILE)).isNotEmptyFile();
        assertThat(copy.resolve(PretrainedModel.FILE)).exists();
        try (StarGanV2 nets = ModelDirectory.readNetworks(copy, Device.cpu())) {
            assertThat(nets).isNotNull();
        }
        assertThat(p.trainCommands()).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("mrharmony "));
    }

    @Test
    void theBundledModelsCohortIsTheOneTheDemoBuildsByDefault() throws IOException {
        PretrainedModel p = real().info();
        CommandLine.Model.CommandSpec demo = new CommandLine(new DemoCommand()).getCommandSpec();
        assertThat(p.preset()).isEqualTo(demo.findOption("--preset").defaultValue());
        assertThat(p.cohort().subjects()).isEqualTo(Integer.parseInt(demo.findOption("--subjects").defaultValue()));
        assertThat(p.cohort().size()).isEqualTo(Integer.parseInt(demo.findOption("--size").defaultValue()));
        assertThat(p.cohort().seed()).isEqualTo(1); // the demo's synth --seed
        assertThat(p.cohort().anatomy()).isEqualTo(DemoCommand.COLIN.toString());
        assertThat(p.sites()).isEqualTo(SiteParameters.defaults().stream().map(SiteParameters::name).toList());
        assertThat(p.cohort().fingerprint()).matches("sha256:[0-9a-f]{64}");
        if (Files.isRegularFile(DemoCommand.COLIN)) {
            // this machine's Colin27 is the file the bundled model's cohort was made from
            assertThat(Sha256.of(DemoCommand.COLIN)).isEqualTo(p.cohort().anatomySha256());
        }
    }

    @Test
    void aDamagedFileIsRefusedAndNoHalfModelIsLeft(@TempDir Path tmp) throws Exception {
        Path bundleDir = tmp.resolve("bundle");
        real().copyTo(bundleDir);
        Path generator = bundleDir.resolve("networks/generator_ema.params");
        try (RandomAccessFile f = new RandomAccessFile(generator.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 1);
        }
        Path target = tmp.resolve("out/model");
        assertThatThrownBy(() -> BundledModel.inFolder(bundleDir).copyTo(target)).isInstanceOf(IOException.class)
            .hasMessageContaining("networks/generator_ema.params").hasMessageContaining("SHA-256");
        assertThat(target).doesNotExist();
        try (var left = Files.list(tmp.resolve("out"))) {
            assertThat(left).isEmpty();
        }
    }
}
