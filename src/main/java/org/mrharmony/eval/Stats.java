package org.mrharmony.eval;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Mean and sample sd of one column of rows, ignoring NaN (a scan a measure could not score). */
final class Stats {

    private Stats() {
    }

    static <T> double mean(List<T> rows, ToDoubleFunction<T> f) {
        return mean(finite(rows, f));
    }

    static <T> double sd(List<T> rows, ToDoubleFunction<T> f) {
        return sd(finite(rows, f));
    }

    static <T> double[] finite(List<T> rows, ToDoubleFunction<T> f) {
        return rows.stream().mapToDouble(f).filter(Double::isFinite).toArray();
    }

    static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    /** Sample standard deviation (n - 1); 0 for a single value, NaN for none. */
    static double sd(double[] v) {
        if (v.length < 2) {
            return v.length == 0 ? Double.NaN : 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
