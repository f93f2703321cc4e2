package org.mrharmony.report;

/** One cell of a metrics table: a value (usually a mean over subjects) and an optional spread (SD). */
public record MetricValue(double value, double spread) {

    public static MetricValue of(double value) {
        return new MetricValue(value, Double.NaN);
    }

    public static MetricValue of(double value, double spread) {
        return new MetricValue(value, spread);
    }

    boolean hasSpread() {
        return Double.isFinite(spread);
    }
}
