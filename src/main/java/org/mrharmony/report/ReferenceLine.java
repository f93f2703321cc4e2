package org.mrharmony.report;

import java.util.Objects;

/** A horizontal line across a curve chart, e.g. the score of a baseline ("none", "nyul"). */
public record ReferenceLine(String label, double value) {

    public ReferenceLine {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("reference line '" + label + "' has no finite value: " + value);
        }
    }
}
