package org.mrharmony.eval;

import java.util.Arrays;

/**
 * Finds the "white stripe" of a T1-weighted brain (Shinohara et al. 2014, NeuroImage:
 * Clinical 6:9–19): the normal-appearing white matter, as the brain voxels whose intensity
 * quantile lies within ±τ of the quantile of the white-matter peak.
 *
 * <p>Follows intensity-normalization's {@code whitestripe.py} / {@code get_last_tissue_mode}
 * (the R package WhiteStripe smooths a 2000-bin histogram with a penalised spline instead;
 * the peak it finds is the same mode):
 * <ol>
 *   <li>drop the brain intensities above the 96th percentile (bright tail: vessels, fat);</li>
 *   <li>smooth the rest with a Gaussian KDE of bandwidth {@code max/80} on 80 grid points
 *       (grid extended 3 bandwidths each side), see {@link KernelDensity};</li>
 *   <li>the WM peak is the last (highest-intensity) strict local maximum of that density
 *       (T1: WM is the brightest tissue), or the global maximum if there is none;</li>
 *   <li>its quantile {@code q} = fraction of <em>all</em> brain voxels below it; the stripe is
 *       the brain voxels strictly between the brain's quantiles {@code max(q−τ, 0)} and
 *       {@code min(q+τ, 1)};</li>
 *   <li>normalization uses the stripe's mean and (population) standard deviation.</li>
 * </ol>
 * Every step is equivariant to a global intensity scaling, so the stripe (as a voxel set)
 * does not change when the image is multiplied by a positive constant.
 */
public final class WhiteStripe {

    public static final double DEFAULT_WIDTH = 0.05;
    static final double TAIL_PERCENTILE = 96.0;
    static final int GRID_SIZE = 80;
    static final double BANDWIDTH_DIVISOR = 80.0;
    static final double GRID_CUT = 3.0;

    /**
     * The stripe of one brain.
     *
     * @param mode         the WM peak intensity
     * @param modeQuantile fraction of brain voxels below the peak
     * @param lower        stripe bounds (exclusive)
     * @param count        number of brain voxels in the stripe
     * @param stats        mean and sd of the stripe voxels
     */
    public record Stripe(double mode, double modeQuantile, double lower, double upper, int count,
                         LocationScale stats) {
    }

    private WhiteStripe() {
    }

    /** The white stripe of a brain's intensities, with half-width τ = {@code width} (quantile units). */
    public static Stripe find(double[] brainValues, double width) {
        if (!(width > 0 && width < 1)) {
            throw new IllegalArgumentException("white stripe width must be in (0, 1): " + width);
        }
        double[] sorted = Quantiles.sorted(brainValues);
        double mode = lastMode(sorted);
        double q = Quantiles.fractionBelow(sorted, mode);
        double lower = Quantiles.percentileOfSorted(sorted, 100 * Math.max(q - width, 0));
        double upper = Quantiles.percentileOfSorted(sorted, 100 * Math.min(q + width, 1));
        double[] stripe = Arrays.stream(brainValues).filter(v -> v > lower && v < upper).toArray();
        if (stripe.length == 0) {
            throw new IllegalArgumentException("the white stripe is empty (no brain voxel strictly between "
                + lower + " and " + upper + " around the WM peak " + mode + ")");
        }
        return new Stripe(mode, q, lower, upper, stripe.length, LocationScale.meanAndSd(stripe));
    }

    /** The highest-intensity tissue mode of a sorted T1 brain sample (steps 1–3 above). */
    public static double lastMode(double[] sorted) {
        double threshold = Quantiles.percentileOfSorted(sorted, TAIL_PERCENTILE);
        int n = 0;
        while (n < sorted.length && sorted[n] <= threshold) {
            n++;
        }
        double[] kept = Arrays.copyOf(sorted, n);
        double max = kept[n - 1];
        if (!(max > 0)) {
            throw new IllegalArgumentException("WhiteStripe needs positive T1 intensities (brain maximum "
                + max + "); its bandwidth is max/80");
        }
        KernelDensity.Estimate kde = KernelDensity.gaussian(kept, max / BANDWIDTH_DIVISOR, GRID_SIZE, GRID_CUT);
        double[] f = kde.density();
        int last = -1;
        for (int i = 1; i < f.length - 1; i++) {
            if (f[i] > f[i - 1] && f[i] > f[i + 1]) {
                last = i;
            }
        }
        if (last < 0) {
            last = 0;
            for (int i = 1; i < f.length; i++) {
                if (f[i] > f[last]) {
                    last = i;
                }
            }
        }
        return kde.grid()[last];
    }
}
