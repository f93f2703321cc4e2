package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.train.LossLog;
import org.mrharmony.train.TrainConfig;
import org.mrharmony.train.TrainingRun;
import picocli.CommandLine;

/**
 * The demo starting from a bundled model — here a tiny one trained a few steps on the demo's own
 * small phantom cohort and bundled by {@code model bundle} — and knowing it on a re-run; and
 * choosing to train from scratch, with the bundle's configuration, on a cohort that is not the
 * bundle's or with {@code --from-scratch} (the from-scratch training itself runs end to end in
 * {@link DemoCommandTest}).
 */
class DemoBundledModelTest {

    @TempDir
    static Path tmp;
    static Path bundleDir;
    static final int FINE_TUNE_STEPS = 12;
    static final List<String> COHORT = List.of("--phantom", "--subjects", "4", "--size", "48");

    @BeforeAll
    static void bundleATinyModelTrainedOnTheDemosCohort() {
        Path cohort = tmp.resolve("demo/cohort"); // the demo's cohort folder: the demo reuses it
        assertThat(Main.run("synth", "--out", cohort.toString(), "--subjects", "4", "--size", "48", "--seed", "1"))
            .isZero();
        Path trained = tmp.resolve("trained");
        assertThat(Main.run("train", "--data", cohort.toString(), "--out", trained.toString(), "--preset", "tiny",
            "--steps", "3", "--seed", "1", "--quiet")).isZero();
        bundleDir = tmp.resolve("bundle");
        assertThat(Main.run("model", "bundle", trained.toString(), "--cohort", cohort.toString(), "--out",
            bundleDir.toString(), "--command", "mrharmony train --preset tiny --steps 3", "--machine", "test")).isZero();
    }

    /** Runs the demo with the tiny bundle in place of the jar's; returns its stderr. */
    private static String demo(Path out, String minutes, long stepLimit, List<String> cohort) throws Exception {
        DemoCommand demo = new DemoCommand();
        demo.bundledModel = () -> Optional.of(BundledModel.inFolder(bundleDir));
        demo.stepLimit = stepLimit;
        CommandLine cli = new CommandLine(demo);
        cli.setExecutionExceptionHandler(new CliErrors());
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            List<String> args = new java.util.ArrayList<>(List.of("--out", out.toString(), "--minutes", minutes,
                "--preset", "tiny", "--classifier-steps", "5", "--quiet"));
            args.addAll(cohort);
            code = cli.execute(args.toArray(String[]::new));
        } finally {
            System.setErr(oldErr);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        return text;
    }

    private static JsonNode run(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("report/metrics.json").toFile()).path("_run");
    }

    @Test
    void onTheBundlesCohortTheDemoFineTunesTheBundleFromItsCheckpoint() throws Exception {
        Path out = tmp.resolve("demo");
        // a generous time budget and a step limit: a loaded machine must not change what is trained
        demo(out, "10", FINE_TUNE_STEPS, COHORT);
        JsonNode run = run(out);
        assertThat(run.path("start").asText()).isEqualTo("bundled");
        assertThat(run.path("bundled_model").path("steps").asLong()).isEqualTo(3);
        assertThat(run.path("start_step").asLong()).isEqualTo(3);
        long step = run.path("step").asLong();
        assertThat(step).isEqualTo(3 + FINE_TUNE_STEPS);
        assertThat(run.path("trained_steps").asLong()).isEqualTo(FINE_TUNE_STEPS);
        Path model = out.resolve("model");
        // the bundle's own training configuration and provenance travel with the fine-tune
        assertThat(TrainingRun.readConfig(model)).isEqualTo(BundledModel.inFolder(bundleDir).config());
        assertThat(model.resolve(PretrainedModel.FILE)).hasSameTextualContentAs(bundleDir.resolve(PretrainedModel.FILE));
        // one loss log, continuing the bundle's: its step-3 row, then the fine-tune's (every 10th step and the last)
        List<Long> steps = Files.readAllLines(model.resolve(LossLog.FILE)).stream().skip(1)
            .map(l -> Long.parseLong(l.substring(0, l.indexOf(',')))).toList();
        assertThat(steps).containsExactly(3L, 10L, step);
        assertThat(Files.readString(out.resolve("report/report.html")))
            .contains("Started from the bundled model bundle (3 steps");

        // a re-run in the same folder continues that model and still knows its origin (decided, not run: the
        // evaluation costs seconds the suite does not have)
        DemoStart again = parsed("--preset", "tiny").decideStart(out.resolve("cohort"), model,
            Optional.of(BundledModel.inFolder(bundleDir)));
        assertThat(again.kind()).isEqualTo(DemoStart.Kind.RESUMED);
        assertThat(again.reason()).contains("fine-tune of the bundled model bundle");
    }

    /** A demo with its options parsed and the tiny bundle in place, to ask how it would start. */
    private static DemoCommand parsed(String... args) {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs(args);
        return demo;
    }

    @Test
    void onAnotherCohortOrWithFromScratchTheDemoTrainsFromScratchWithTheBundlesConfiguration() throws Exception {
        Optional<BundledModel> bundle = Optional.of(BundledModel.inFolder(bundleDir));
        TrainConfig bundled = bundle.get().config();
        Path other = tmp.resolve("other/cohort");
        assertThat(Main.run("synth", "--out", other.toString(), "--subjects", "4", "--size", "40", "--seed", "1"))
            .isZero();
        DemoCommand demo = parsed("--preset", "tiny", "--phantom", "--subjects", "4", "--size", "40");
        DemoStart start = demo.decideStart(other, tmp.resolve("other/model"), bundle);
        assertThat(start.kind()).isEqualTo(DemoStart.Kind.SCRATCH);
        assertThat(start.reason()).contains("at 40^3").contains("is not the bundled model's").contains("at 48^3");
        assertThat(demo.scratchConfig(bundle, 4)).isEqualTo(bundled);

        DemoCommand fromScratch = parsed("--preset", "tiny", "--from-scratch");
        assertThat(fromScratch.decideStart(tmp.resolve("demo/cohort"), tmp.resolve("fresh/model"), bundle))
            .isEqualTo(new DemoStart(DemoStart.Kind.SCRATCH, "--from-scratch"));
        assertThat(fromScratch.scratchConfig(bundle, 4)).isEqualTo(bundled);
        // the same cohort without --from-scratch is the bundle's
        assertThat(parsed("--preset", "tiny").decideStart(tmp.resolve("demo/cohort"), tmp.resolve("fresh/model"),
            bundle).kind()).isEqualTo(DemoStart.Kind.BUNDLED);
    }
}
