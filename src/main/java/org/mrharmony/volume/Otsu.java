package org.mrharmony.volume;

/**
 * Otsu's threshold: the cut of a histogram into two classes that maximises the variance
 * between the class means (equivalently, minimises the variance within them).
 */
public final class Otsu {

    private Otsu() {
    }

    /**
     * The threshold, as the upper edge of the last bin of the lower class: values above it
     * belong to the upper class.
     *
     * @throws IllegalArgumentException for a histogram with no counts
     */
    public static double threshold(Histogram h) {
        long total = h.total();
        if (total == 0) {
            throw new IllegalArgumentException("Otsu threshold of an empty histogram");
        }
        double sumAll = 0;
        for (int i = 0; i < h.bins(); i++) {
            sumAll += h.count(i) * h.binCentre(i);
        }
        double bestBetween = -1;
        int bestBin = 0;
        long n0 = 0;
        double sum0 = 0;
        for (int i = 0; i < h.bins() - 1; i++) {
            n0 += h.count(i);
            sum0 += h.count(i) * h.binCentre(i);
            long n1 = total - n0;
            if (n0 == 0 || n1 == 0) {
                continue;
            }
            double m0 = sum0 / n0;
            double m1 = (sumAll - sum0) / n1;
            double between = (double) n0 * n1 * (m0 - m1) * (m0 - m1);
            if (between > bestBetween) {
                bestBetween = between;
                bestBin = i;
            }
        }
        return h.lowerEdge(bestBin + 1);
    }
}
