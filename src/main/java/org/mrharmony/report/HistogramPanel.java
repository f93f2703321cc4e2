package org.mrharmony.report;

import java.util.List;
import java.util.Objects;

/** One panel of overlaid per-site histograms, e.g. "before harmonization". */
public record HistogramPanel(String title, List<IntensitySample> samples) {

    public HistogramPanel {
        Objects.requireNonNull(title, "title");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("histogram panel '" + title + "' has no samples");
        }
    }
}
