package org.mrharmony.eval;

/**
 * Otsu's criterion for three classes (Otsu 1979, multilevel form as in Liao, Chen and Chung,
 * J. Inf. Sci. Eng. 17:713, 2001): the two cuts of a histogram that maximise the variance
 * between the class means. Unlike quantiles, the cuts fall in the valleys between intensity
 * peaks whatever the classes' proportions.
 */
final class ThreeClassOtsu {

    private ThreeClassOtsu() {
    }

    /**
     * The means of the three classes of the best split of {@code sorted} (ascending) into a
     * histogram of {@code bins} bins over its 0.5–99.5 percentile range (values beyond go to the
     * end bins, so a few outliers do not squeeze the peaks into a handful of bins); null when the
     * values do not spread over at least three bins.
     */
    static double[] means(double[] sorted, int bins) {
        double lo = Quantiles.percentileOfSorted(sorted, 0.5);
        double hi = Quantiles.percentileOfSorted(sorted, 99.5);
        if (!(hi > lo) || bins < 3) {
            return null;
        }
        long[] count = new long[bins];
        double[] sum = new double[bins];
        double width = (hi - lo) / bins;
        for (double y : sorted) {
            int b = (int) Math.min(bins - 1, Math.max(0, Math.floor((y - lo) / width)));
            count[b]++;
            sum[b] += y;
        }
        long[] cumCount = new long[bins + 1];
        double[] cumSum = new double[bins + 1];
        for (int b = 0; b < bins; b++) {
            cumCount[b + 1] = cumCount[b] + count[b];
            cumSum[b + 1] = cumSum[b] + sum[b];
        }
        // classes [0, t1), [t1, t2), [t2, bins): maximising sum_k S_k^2 / N_k maximises the
        // between-class variance (the total mean and count are fixed)
        double best = Double.NEGATIVE_INFINITY;
        double[] out = null;
        for (int t1 = 1; t1 < bins - 1; t1++) {
            for (int t2 = t1 + 1; t2 < bins; t2++) {
                long n0 = cumCount[t1];
                long n1 = cumCount[t2] - cumCount[t1];
                long n2 = cumCount[bins] - cumCount[t2];
                if (n0 == 0 || n1 == 0 || n2 == 0) {
                    continue;
                }
                double s0 = cumSum[t1];
                double s1 = cumSum[t2] - cumSum[t1];
                double s2 = cumSum[bins] - cumSum[t2];
                double between = s0 * s0 / n0 + s1 * s1 / n1 + s2 * s2 / n2;
                if (between > best) {
                    best = between;
                    out = new double[] {s0 / n0, s1 / n1, s2 / n2};
                }
            }
        }
        return out;
    }
}
