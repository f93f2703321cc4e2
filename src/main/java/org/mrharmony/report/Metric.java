package org.mrharmony.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a metrics table: a named metric, which direction is better, how many decimals
 * to show, and its value per method. A method without a value shows as a dash.
 */
public record Metric(String name, Better better, int decimals, Map<String, MetricValue> byMethod) {

    public static final int DEFAULT_DECIMALS = 3;

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(better, "better");
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("metric '" + name + "': decimals must be 0..10: " + decimals);
        }
        byMethod = Collections.unmodifiableMap(new LinkedHashMap<>(byMethod));
    }

    /** Plain values, three decimals. */
    public static Metric of(String name, Better better, Map<String, Double> values) {
        Map<String, MetricValue> cells = new LinkedHashMap<>();
        values.forEach((method, value) -> cells.put(method, MetricValue.of(value)));
        return new Metric(name, better, DEFAULT_DECIMALS, cells);
    }

    /** The value as the table prints it, so "best" agrees with what the reader sees. */
    double displayed(String method) {
        MetricValue cell = byMethod.get(method);
        if (cell == null || !Double.isFinite(cell.value())) {
            return Double.NaN;
        }
        return Double.parseDouble(Numbers.format(cell.value(), decimals));
    }
}
