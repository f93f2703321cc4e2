package org.mrharmony.volume;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Intensity statistics over a volume or over the voxels of a mask. Exact: percentiles are
 * order statistics, not histogram estimates; sums are in double.
 */
public final class VolumeStats {

    private VolumeStats() {
    }

    /** Mean and population standard deviation (divided by n, as numpy's default). */
    public record MeanSd(double mean, double sd, int count) {
    }

    /** The values of the voxels in the mask, in voxel order, NaNs left out. */
    public static float[] values(Volume volume, Mask mask) {
        mask.requireSameDims(volume);
        float[] data = volume.data();
        float[] out = new float[mask.count()];
        int j = 0;
        for (int i = 0; i < data.length; i++) {
            if (mask.get(i) && !Float.isNaN(data[i])) {
                out[j++] = data[i];
            }
        }
        return j == out.length ? out : Arrays.copyOf(out, j);
    }

    /**
     * The p-th percentile (0..100) over the whole volume, interpolated linearly between the
     * two closest ranks ({@link LinearPercentile}, numpy's default). NaNs are ignored.
     */
    public static double percentile(Volume volume, double p) {
        return percentiles(volume, p)[0];
    }

    /** The p-th percentile over the voxels of the mask (see {@link #percentile(Volume, double)}). */
    public static double percentile(Volume volume, Mask mask, double p) {
        return percentiles(values(volume, mask), p)[0];
    }

    /** Several percentiles over the mask, sharing one pass of selection. */
    public static double[] percentiles(Volume volume, Mask mask, double... ps) {
        return percentiles(values(volume, mask), ps);
    }

    /** Several percentiles over the whole volume. */
    public static double[] percentiles(Volume volume, double... ps) {
        return percentiles(values(volume, Mask.all(volume)), ps);
    }

    /**
     * Percentiles of an array of values (no NaNs), which is reordered in place. Exact: the
     * order statistics needed are found by selection (expected linear time) rather than a
     * full sort, which matters for the 10^7 voxels of a head volume.
     *
     * @throws IllegalArgumentException for an empty array or p outside 0..100
     */
    public static double[] percentiles(float[] values, double... ps) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentile of no values (empty mask?)");
        }
        int n = values.length;
        TreeSet<Integer> ranks = new TreeSet<>();
        for (double p : ps) {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("percentile must be within 0..100: " + p);
            }
            int lower = LinearPercentile.lowerIndex(n, p);
            ranks.add(lower);
            if (!LinearPercentile.isExactRank(n, p)) {
                ranks.add(lower + 1);
            }
        }
        // Ascending ranks: after selecting k, everything past k is >= values[k], so the next
        // rank is selected within the rest only.
        int from = 0;
        for (int k : ranks) {
            Selection.select(values, from, n, k);
            from = k + 1;
        }
        double[] out = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            out[i] = LinearPercentile.of(n, ps[i], k -> values[k]);
        }
        return out;
    }

    public static MeanSd meanSd(Volume volume) {
        return meanSd(volume, Mask.all(volume));
    }

    /**
     * Mean and population standard deviation over the mask, two passes (no cancellation).
     *
     * @throws IllegalArgumentException for an empty mask
     */
    public static MeanSd meanSd(Volume volume, Mask mask) {
        mask.requireSameDims(volume);
        float[] data = volume.data();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < data.length; i++) {
            if (mask.get(i)) {
                sum += data[i];
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("mean of no values (empty mask)");
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < data.length; i++) {
            if (mask.get(i)) {
                double d = data[i] - mean;
                ss += d * d;
            }
        }
        return new MeanSd(mean, Math.sqrt(ss / n), n);
    }

    /** Smallest and largest value over the mask, as {min, max}; NaNs are ignored. */
    public static double[] range(Volume volume, Mask mask) {
        mask.requireSameDims(volume);
        float[] data = volume.data();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.length; i++) {
            if (mask.get(i) && !Float.isNaN(data[i])) {
                min = Math.min(min, data[i]);
                max = Math.max(max, data[i]);
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("range of no values (empty mask)");
        }
        return new double[] {min, max};
    }
}
