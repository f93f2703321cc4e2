package org.mrharmony.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named curve: {@code values[i]} measured at {@code steps[i]} (e.g. a loss term against
 * the training iteration). Non-finite values are allowed and left out of the plot, so a
 * diverged run still draws what it has.
 */
public record Series(String name, double[] steps, double[] values) {

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(values, "values");
        if (steps.length != values.length) {
            throw new IllegalArgumentException("series '" + name + "': " + steps.length
                + " steps but " + values.length + " values");
        }
        steps = steps.clone();
        values = values.clone();
    }

    @Override
    public double[] steps() {
        return steps.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return steps.length;
    }

    double stepAt(int i) {
        return steps[i];
    }

    double valueAt(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series other && name.equals(other.name)
            && Arrays.equals(steps, other.steps) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + 17 * Arrays.hashCode(steps) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + steps.length + " points]";
    }
}
