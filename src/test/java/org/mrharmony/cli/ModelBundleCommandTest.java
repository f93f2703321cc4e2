package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.io.FileTrees;
import org.mrharmony.synth.CohortFingerprint;
import org.mrharmony.synth.CohortManifest;
import org.mrharmony.synth.SiteParameters;
import org.mrharmony.synth.SubjectParameters;
import org.mrharmony.train.LossLog;
import org.mrharmony.train.TrainingRun;

/** {@code model bundle}: the measured fields, the logs cut at the checkpoint, replacing only a bundle. */
class ModelBundleCommandTest {

    @TempDir
    Path tmp;
    Path source;
    Path cohort;

    @BeforeEach
    void aTrainedModelAndItsCohort() throws IOException {
        source = tmp.resolve("run");
        BundledModel.onClasspath().orElseThrow().copyTo(source);
        cohort = Files.createDirectories(tmp.resolve("cohort"));
        new CohortManifest(CohortManifest.FORMAT_VERSION, 5, CohortManifest.PHANTOM, null, 32,
            new double[] {6, 6, 6}, SiteParameters.defaults(),
            List.of(new SubjectParameters("sub-01", SubjectParameters.TRAIN, 9, 0, 0, 0, 0))).write(cohort);
    }

    @Test
    void bundlesWhatTheModelsFilesSayAndCutsTheLogAtTheCheckpoint() throws IOException {
        long step = ModelDirectory.readInfo(source).step();
        // a run that went on logging past its last checkpoint (a snapshot taken mid-run)
        Files.writeString(source.resolve(LossLog.FILE), (step + 10) + ",1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,99999\n",
            StandardOpenOption.APPEND);
        double seconds = LossLog.trainingSeconds(source.resolve(LossLog.FILE), step);
        Path out = tmp.resolve("models/b");
        CliRun r = CliRun.of("model", "bundle", source.toString(), "--cohort", cohort.toString(), "--out",
            out.toString(), "--command", "mrharmony train x", "--machine", "m");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("bundled " + out).contains(step + " steps");
        BundledModel b = BundledModel.inFolder(out);
        PretrainedModel p = b.info();
        assertThat(p.name()).isEqualTo("b");
        assertThat(p.steps()).isEqualTo(step);
        assertThat(p.hours()).isCloseTo(seconds / 3600, within(1e-12));
        assertThat(p.trainCommands()).containsExactly("mrharmony train x");
        assertThat(p.cohort().fingerprint()).isEqualTo(CohortFingerprint.of(cohort));
        assertThat(p.cohort().anatomySha256()).isNull();
        assertThat(Files.readString(out.resolve(LossLog.FILE))).doesNotContain("99999");
        assertThat(p.files()).containsKeys("model.json", "config.json", "optimizer.state", "losses.csv",
            "networks/generator_ema.params").doesNotContainKey(PretrainedModel.FILE);
        b.copyTo(tmp.resolve("copy")); // every listed SHA-256 holds

        // bundling again replaces the bundle
        assertThat(CliRun.of("model", "bundle", source.toString(), "--cohort", cohort.toString(), "--out",
            out.toString(), "--command", "mrharmony train y").exit()).isZero();
        assertThat(BundledModel.inFolder(out).info().trainCommands()).containsExactly("mrharmony train y");
        try (var siblings = Files.list(out.getParent())) {
            assertThat(siblings).containsExactly(out); // no temporary or old folder left
        }
    }

    @Test
    void aWarmStartedRunCountsTheHoursAndStepsOfItsSourceChain() throws IOException {
        // run <- warm start from mid (step 40) <- warm start from first (step 30): every log is the bundled one's
        Path mid = tmp.resolve("mid");
        Path first = tmp.resolve("first");
        BundledModel.onClasspath().orElseThrow().copyTo(mid);
        BundledModel.onClasspath().orElseThrow().copyTo(first);
        writeWarmStart(source, mid, 40);
        writeWarmStart(mid, first, 30);
        long step = ModelDirectory.readInfo(source).step();
        double own = LossLog.trainingSeconds(source.resolve(LossLog.FILE), step);
        double fromMid = LossLog.trainingSeconds(mid.resolve(LossLog.FILE), 40);
        double fromFirst = LossLog.trainingSeconds(first.resolve(LossLog.FILE), 30);
        assertThat(fromMid).isGreaterThan(fromFirst).isPositive(); // the cut at each source's step is used

        Path out = tmp.resolve("models/w");
        CliRun r = CliRun.of("model", "bundle", source.toString(), "--cohort", cohort.toString(), "--out",
            out.toString(), "--command", "c");
        assertThat(r.exit()).as(r.err()).isZero();
        PretrainedModel p = BundledModel.inFolder(out).info();
        assertThat(p.steps()).isEqualTo(step);
        assertThat(p.warmStart().source()).isEqualTo(mid.toString());
        assertThat(p.warmStart().steps()).isEqualTo(70);
        assertThat(p.warmStart().hours()).isCloseTo((fromMid + fromFirst) / 3600, within(1e-12));
        assertThat(p.hours()).isCloseTo((own + fromMid + fromFirst) / 3600, within(1e-12));
        assertThat(p.summary()).contains(step + " steps after 70 warm-start steps");

        // a run whose warm-start source is gone: its hours cannot be counted, so no bundle
        FileTrees.delete(first);
        CliRun gone = CliRun.of("model", "bundle", source.toString(), "--cohort", cohort.toString(), "--out",
            tmp.resolve("models/g").toString(), "--command", "c");
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.errorLines()).singleElement().asString().contains(first.toString()).contains("hours");
        assertThat(tmp.resolve("models/g")).doesNotExist();
    }

    private static void writeWarmStart(Path run, Path from, long step) throws IOException {
        Files.writeString(run.resolve(TrainingRun.WARM_START_FILE),
            "{\"source\": \"" + from + "\", \"source_step\": " + step + ", \"copied\": 1, \"fresh\": [], \"unused\": []}");
    }

    @Test
    void refusesAFolderThatIsNotABundleAndACohortWithOtherSites() throws IOException {
        Path notABundle = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(notABundle.resolve("notes.txt"), "keep me");
        CliRun r = CliRun.of("model", "bundle", source.toString(), "--cohort", cohort.toString(), "--out",
            notABundle.toString(), "--command", "c");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errorLines()).singleElement().asString().contains(notABundle.toString()).contains("not a bundle");
        assertThat(notABundle.resolve("notes.txt")).hasContent("keep me");

        Path threeSites = Files.createDirectories(tmp.resolve("three"));
        new CohortManifest(CohortManifest.FORMAT_VERSION, 5, CohortManifest.PHANTOM, null, 32, new double[] {6, 6, 6},
            SiteParameters.defaults().subList(0, 3),
            List.of(new SubjectParameters("sub-01", SubjectParameters.TRAIN, 9, 0, 0, 0, 0))).write(threeSites);
        CliRun other = CliRun.of("model", "bundle", source.toString(), "--cohort", threeSites.toString(), "--out",
            tmp.resolve("x").toString(), "--command", "c");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.errorLines()).singleElement().asString().contains("sites");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
