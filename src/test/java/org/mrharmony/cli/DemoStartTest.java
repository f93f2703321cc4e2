package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which model the demo starts from, and the reason it gives. */
class DemoStartTest {

    static final String FP = "sha256:" + "ab".repeat(32);

    static PretrainedModel bundle() {
        return new PretrainedModel(PretrainedModel.FORMAT_VERSION, "colin27-cpu", "cpu", 1, 3500, 1.5,
            List.of("siteA", "siteB"), "test machine", List.of("mrharmony train ..."),
            new PretrainedModel.Cohort(FP, "ch2.nii.gz, 8 subjects x 4 sites at 128^3, seed 1", "/x/ch2.nii.gz", "cd",
                8, 128, 1), Map.of("model.json", "00"), null);
    }

    private static DemoStart decide(boolean fromScratch, boolean exists, Optional<PretrainedModel> origin,
                                    Optional<PretrainedModel> bundled, String preset, String fingerprint) {
        return DemoStart.decide(fromScratch, exists, origin, bundled, preset, fingerprint, "the cohort in words");
    }

    @Test
    void theBundledModelsCohortAndPresetFineTuneTheBundle() {
        DemoStart s = decide(false, false, Optional.empty(), Optional.of(bundle()), "cpu", FP);
        assertThat(s.kind()).isEqualTo(DemoStart.Kind.BUNDLED);
        assertThat(s.reason()).contains("128^3");
    }

    @Test
    void anotherCohortTrainsFromScratchAndSaysWhichCohortsDiffer() {
        DemoStart s = decide(false, false, Optional.empty(), Optional.of(bundle()), "cpu", "sha256:" + "cd".repeat(32));
        assertThat(s.kind()).isEqualTo(DemoStart.Kind.SCRATCH);
        assertThat(s.reason()).contains("the cohort in words").contains("ch2.nii.gz, 8 subjects");
    }

    @Test
    void aCohortWithoutFingerprintTrainsFromScratchWithTheReason() {
        DemoStart s = decide(false, false, Optional.empty(), Optional.of(bundle()), "cpu", null);
        assertThat(s).isEqualTo(new DemoStart(DemoStart.Kind.SCRATCH, "the cohort in words"));
    }

    @Test
    void anotherPresetOrNoBundleOrFromScratchTrainsFromScratch() {
        assertThat(decide(false, false, Optional.empty(), Optional.of(bundle()), "tiny", FP))
            .isEqualTo(new DemoStart(DemoStart.Kind.SCRATCH, "--preset tiny is not the bundled model's (cpu)"));
        assertThat(decide(false, false, Optional.empty(), Optional.empty(), "cpu", FP))
            .isEqualTo(new DemoStart(DemoStart.Kind.SCRATCH, "this build has no bundled model"));
        assertThat(decide(true, false, Optional.empty(), Optional.of(bundle()), "cpu", FP))
            .isEqualTo(new DemoStart(DemoStart.Kind.SCRATCH, "--from-scratch"));
    }

    @Test
    void aModelInTheOutputFolderIsContinuedWhateverItsOrigin() {
        assertThat(decide(false, true, Optional.of(bundle()), Optional.of(bundle()), "cpu", FP).kind())
            .isEqualTo(DemoStart.Kind.RESUMED);
        DemoStart scratch = decide(true, true, Optional.empty(), Optional.of(bundle()), "cpu", FP);
        assertThat(scratch.kind()).isEqualTo(DemoStart.Kind.RESUMED);
        assertThat(scratch.reason()).contains("from scratch");
    }

    @Test
    void fromScratchOverAFineTuneOfTheBundleIsRefused() {
        assertThatThrownBy(() -> decide(true, true, Optional.of(bundle()), Optional.of(bundle()), "cpu", FP))
            .isInstanceOf(UserError.class).hasMessageContaining("--from-scratch needs another --out");
    }

    @Test
    void theReportSentenceSaysWhatHappened() {
        DemoStart bundled = new DemoStart(DemoStart.Kind.BUNDLED, "same cohort");
        assertThat(new DemoOutcome(bundled, bundle(), 3500, 3620, 90).sentence()).isEqualTo(
            "Started from the bundled model colin27-cpu (3500 steps, 1.5 h of training) and fine-tuned it 120 steps "
                + "in 1.5 min, to step 3620.");
        assertThat(new DemoOutcome(bundled, bundle(), 3500, 3500, 0).sentence()).startsWith(
            "Evaluated the bundled model colin27-cpu (3500 steps, 1.5 h of training) as it is");
        assertThat(new DemoOutcome(new DemoStart(DemoStart.Kind.SCRATCH, "--from-scratch"), null, 0, 40, 30).sentence())
            .isEqualTo("Trained 40 steps in 0.5 min from scratch (--from-scratch).");
        Map<String, Object> run = new DemoOutcome(bundled, bundle(), 3500, 3620, 90).runFields();
        assertThat(run).containsEntry("start", "bundled").containsEntry("trained_steps", 120L)
            .containsEntry("start_step", 3500L).containsKey("bundled_model");
    }
}
