package org.mrharmony.volume;

import java.util.function.IntToDoubleFunction;

/**
 * The project's one percentile convention: linear interpolation between order statistics,
 * Hyndman &amp; Fan type 7, numpy's default. For sorted {@code x[0..n-1]} the p-th percentile
 * (p in 0..100) stands at fractional rank {@code h = p/100·(n−1)}, computed in that order as
 * numpy does, and is {@code x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])}.
 *
 * <p>How the order statistics are found is the caller's business (a full sort, selection, a
 * display subsample), as is checking p and n, each with its own error message.
 */
public final class LinearPercentile {

    private LinearPercentile() {
    }

    /** The fractional rank of the p-th percentile among n values. */
    public static double rank(int n, double p) {
        return p / 100 * (n - 1);
    }

    /** Index of the lower of the (at most two) order statistics the p-th percentile needs. */
    public static int lowerIndex(int n, double p) {
        return (int) Math.floor(rank(n, p));
    }

    /** True when the p-th percentile is an order statistic itself, not between two. */
    public static boolean isExactRank(int n, double p) {
        double rank = rank(n, p);
        return rank == Math.floor(rank);
    }

    /**
     * The p-th percentile of n values (n &gt; 0, 0 ≤ p ≤ 100, not checked), given the k-th
     * smallest value for k = {@link #lowerIndex} and, unless {@link #isExactRank}, k + 1.
     */
    public static double of(int n, double p, IntToDoubleFunction orderStatistic) {
        double rank = rank(n, p);
        int lower = (int) Math.floor(rank);
        double fraction = rank - lower;
        double lo = orderStatistic.applyAsDouble(lower);
        return fraction == 0 ? lo : lo + fraction * (orderStatistic.applyAsDouble(lower + 1) - lo);
    }
}
