package org.mrharmony.report;

import java.util.List;
import java.util.Objects;

/**
 * A line chart of several series against a step axis, optionally with horizontal reference
 * lines. Two uses: training curves (loss terms vs iteration, often on a log scale) and a
 * validation curve (a metric vs iteration, with baselines drawn across it so one sees at a
 * glance whether the model has caught up with histogram matching).
 */
public record CurveChartSpec(String title, String xLabel, String yLabel, List<Series> series,
                             List<ReferenceLine> references, boolean logY) {

    public CurveChartSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
        references = List.copyOf(references);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + title + "' has no series");
        }
    }

    /** Loss terms (or any training statistics) against the iteration. */
    public static CurveChartSpec trainingCurves(String title, List<Series> series, boolean logY) {
        return new CurveChartSpec(title, "iteration", logY ? "value (log scale)" : "value", series, List.of(), logY);
    }

    /** A validation metric against the iteration, with baseline scores as reference lines. */
    public static CurveChartSpec validationCurve(String title, String metric, List<Series> series,
                                                 List<ReferenceLine> baselines) {
        return new CurveChartSpec(title, "iteration", metric, series, baselines, false);
    }
}
