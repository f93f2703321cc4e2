package org.mrharmony.eval;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A further GAN model evaluated beside the main one, on the same cohort, target and mean
 * style, as its own method {@code gan_<name>}: e.g. the same training with the temporal
 * coherence loss switched off, to show what that loss does to through-plane coherence.
 *
 * @param name a simple identifier (letters, digits, underscores; a letter first)
 * @param dir  the model directory
 */
public record ComparedModel(String name, Path dir) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public ComparedModel {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("--compare-model: NAME must be a simple identifier (letters, digits, _; "
                + "a letter first), got '" + name + "'");
        }
    }

    /** Parses {@code NAME=MODEL_DIR}. */
    public static ComparedModel parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq < 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--compare-model: expected NAME=MODEL_DIR, got '" + spec + "'");
        }
        return new ComparedModel(spec.substring(0, eq).trim(), Path.of(spec.substring(eq + 1).trim()));
    }

    /** The method id in metrics.json and the report. */
    public String method() {
        return "gan_" + name;
    }
}
