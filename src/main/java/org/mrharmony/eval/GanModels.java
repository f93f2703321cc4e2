package org.mrharmony.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mrharmony.harmonize.ModelDirectory;
import org.mrharmony.harmonize.ModelInfo;

/** What the report says about each GAN model evaluated, and the check that a compared model fits the cohort. */
final class GanModels {

    /** The training configuration {@code train} writes beside the model. */
    static final String CONFIG_FILE = "config.json";

    private GanModels() {
    }

    /**
     * The model's λ_tc (weight of the temporal coherence loss) and training steps: from the
     * training configuration kept in {@code model.json}, else from {@code config.json}; NaN when
     * neither says.
     */
    static EvaluationResult.GanModel describe(String method, Path dir) throws IOException {
        ModelInfo info = ModelDirectory.readInfo(dir);
        double lambdaTc = lambdaTc(info.training());
        Path config = dir.resolve(CONFIG_FILE);
        if (Double.isNaN(lambdaTc) && Files.isRegularFile(config)) {
            try {
                lambdaTc = lambdaTc(ModelDirectory.JSON.readTree(config.toFile()));
            } catch (IOException e) {
                throw new IOException(config + ": not readable JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return new EvaluationResult.GanModel(method, dir.toString(), lambdaTc, info.step());
    }

    private static double lambdaTc(JsonNode training) {
        JsonNode v = training == null ? null : training.get("lambda_tc");
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** A compared model must be a model directory over the same sites (in the same order) as the main model. */
    static void checkComparable(Path dir, Path mainModel, List<String> sites) throws IOException {
        if (!ModelDirectory.exists(dir)) {
            throw new IOException(dir + ": not a model directory (--compare-model NAME=MODEL_DIR)");
        }
        List<String> theirs = ModelDirectory.readInfo(dir).siteNames();
        if (!theirs.equals(sites)) {
            throw new IOException(dir + ": sites " + theirs + " differ from " + mainModel + "'s " + sites
                + " (--compare-model needs a model of the same cohort's sites)");
        }
    }
}
