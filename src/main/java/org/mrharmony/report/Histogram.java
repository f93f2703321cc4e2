package org.mrharmony.report;

/**
 * Fixed-width bins over {@code [min, max]}, as fractions of the counted values. Values outside
 * the range are counted in the total but not in any bin, so clipped tails lower the curve
 * instead of piling up in the edge bins.
 */
record Histogram(double min, double max, double[] fractions) {

    static Histogram of(float[] values, int bins, double min, double max, boolean skipZeros) {
        if (!(max > min)) {
            throw new IllegalArgumentException("histogram range is empty: [" + min + ", " + max + "]");
        }
        long[] counts = new long[bins];
        long total = 0;
        double scale = bins / (max - min);
        for (float v : values) {
            if (!Float.isFinite(v) || (skipZeros && v == 0f)) {
                continue;
            }
            total++;
            if (v < min || v > max) {
                continue;
            }
            int bin = (int) ((v - min) * scale);
            counts[Math.min(bin, bins - 1)]++;
        }
        double[] fractions = new double[bins];
        for (int i = 0; i < bins; i++) {
            fractions[i] = total == 0 ? 0 : (double) counts[i] / total;
        }
        return new Histogram(min, max, fractions);
    }

    double binCentre(int i) {
        return min + (i + 0.5) * (max - min) / fractions.length;
    }
}
