package org.mrharmony.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-subject values of one metric for one method, optionally within a group (e.g. the
 * source site, or the target site). One box is drawn per sample.
 */
public record BoxSample(String method, String group, double[] values) {

    /** The group name used when the caller has no grouping. */
    public static final String ALL = "all subjects";

    public BoxSample {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(group, "group");
        values = values.clone();
    }

    public BoxSample(String method, double[] values) {
        this(method, ALL, values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The finite values; NaN marks a subject the method could not be scored on. */
    double[] finiteValues() {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoxSample other && method.equals(other.method) && group.equals(other.group)
            && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, group, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "BoxSample[" + method + ", " + group + ", " + values.length + " values]";
    }
}
