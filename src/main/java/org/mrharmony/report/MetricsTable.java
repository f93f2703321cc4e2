package org.mrharmony.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows are metrics, columns methods (in the given order, e.g. baselines first). Each row
 * knows its best method(s): the best displayed value in the metric's direction; ties at the
 * displayed precision are all best, and a row with fewer than two values has no best.
 */
public record MetricsTable(List<String> methods, List<Metric> metrics) {

    public MetricsTable {
        methods = List.copyOf(methods);
        metrics = List.copyOf(metrics);
        if (new LinkedHashSet<>(methods).size() != methods.size()) {
            throw new IllegalArgumentException("metrics table lists a method twice: " + methods);
        }
        for (Metric metric : metrics) {
            for (String method : metric.byMethod().keySet()) {
                if (!methods.contains(method)) {
                    throw new IllegalArgumentException("metric '" + metric.name() + "' has a value for '" + method
                        + "', which is not a column of the table " + methods);
                }
            }
        }
    }

    public static MetricsTable empty() {
        return new MetricsTable(List.of(), List.of());
    }

    public boolean isEmpty() {
        return metrics.isEmpty();
    }

    /** The methods holding the best value of {@code metric}; empty if fewer than two have values. */
    public Set<String> best(Metric metric) {
        double best = Double.NaN;
        int scored = 0;
        for (String method : methods) {
            double v = metric.displayed(method);
            if (Double.isNaN(v)) {
                continue;
            }
            scored++;
            if (Double.isNaN(best) || metric.better().isBetter(v, best)) {
                best = v;
            }
        }
        Set<String> winners = new LinkedHashSet<>();
        if (scored < 2) {
            return winners;
        }
        for (String method : methods) {
            if (metric.displayed(method) == best) {
                winners.add(method);
            }
        }
        return winners;
    }
}
