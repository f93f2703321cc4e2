package org.mrharmony.report;

import java.util.List;
import java.util.Objects;

/** Box plots of a per-subject metric, one box per method (and group). */
public record BoxPlotSpec(String title, String valueLabel, List<BoxSample> samples) {

    public BoxPlotSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(valueLabel, "valueLabel");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("box plot '" + title + "' has no samples");
        }
    }
}
