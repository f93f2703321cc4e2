package org.mrharmony.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the demo's training stage did, told honestly: from the bundled model, continued, or from
 * scratch; how many steps in how long.
 *
 * @param start     how the model was started and why
 * @param origin    the bundled model it descends from (null when trained from scratch)
 * @param startStep the model's step before this run's training (0 from scratch)
 * @param step      the model's step after it
 * @param seconds   this run's training time (0 when nothing was trained)
 */
record DemoOutcome(DemoStart start, PretrainedModel origin, long startStep, long step, double seconds) {

    long trainedSteps() {
        return step - startStep;
    }

    /** The report's first sentence about training. */
    String sentence() {
        String thisRun = String.format(Locale.ROOT, "%d steps in %.1f min", trainedSteps(), seconds / 60);
        return switch (start.kind()) {
            case BUNDLED -> trainedSteps() == 0 && seconds == 0
                ? "Evaluated the bundled model " + origin.summary() + " as it is (--minutes 0: no fine-tuning)."
                : "Started from the bundled model " + origin.summary() + " and fine-tuned it " + thisRun
                    + ", to step " + step + ".";
            case RESUMED -> String.format(Locale.ROOT, "Continued the model already in the output folder (%s) from "
                + "step %d: %s, to step %d.", origin == null ? "trained from scratch"
                : "a fine-tune of the bundled model " + origin.summary(), startStep, thisRun, step);
            case SCRATCH -> "Trained " + thisRun + " from scratch (" + start.reason() + ").";
        };
    }

    /** The {@code _run} fields of metrics.json about training. */
    Map<String, Object> runFields() {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("start", start.kind().name().toLowerCase(Locale.ROOT));
        run.put("start_reason", start.reason());
        if (origin != null) {
            Map<String, Object> bundled = new LinkedHashMap<>();
            bundled.put("name", origin.name());
            bundled.put("steps", origin.steps());
            bundled.put("hours", origin.hours());
            bundled.put("cohort_fingerprint", origin.cohort().fingerprint());
            run.put("bundled_model", bundled);
        }
        run.put("start_step", startStep);
        run.put("step", step);
        run.put("trained_steps", trainedSteps());
        run.put("training_minutes", seconds / 60);
        return run;
    }
}
