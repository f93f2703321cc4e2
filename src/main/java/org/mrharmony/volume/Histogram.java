package org.mrharmony.volume;

import java.util.Arrays;

/**
 * Counts of values in equal-width bins over {@code [min, max]}. Bin i holds values in
 * {@code [min + i w, min + (i + 1) w)}, the last bin also holds {@code max}; values outside
 * the range and NaNs are not counted.
 */
public record Histogram(double min, double max, long[] counts) {

    public Histogram {
        if (counts.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bin");
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("histogram range must have max > min: " + min + ".." + max);
        }
        counts = counts.clone();
    }

    /** The histogram of the voxels in the mask over {@code [min, max]}. */
    public static Histogram of(Volume volume, Mask mask, int bins, double min, double max) {
        mask.requireSameDims(volume);
        if (bins < 1) {
            throw new IllegalArgumentException("number of bins must be positive: " + bins);
        }
        long[] counts = new long[bins];
        double scale = bins / (max - min);
        float[] data = volume.data();
        for (int i = 0; i < data.length; i++) {
            float v = data[i];
            if (mask.get(i) && v >= min && v <= max) {
                counts[Math.min((int) ((v - min) * scale), bins - 1)]++;
            }
        }
        return new Histogram(min, max, counts);
    }

    /**
     * The histogram over the range of the masked values; when they are all equal the range is
     * widened by 0.5 on each side so there is a bin to count them in.
     */
    public static Histogram of(Volume volume, Mask mask, int bins) {
        double[] r = VolumeStats.range(volume, mask);
        double lo = r[0];
        double hi = r[1];
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        return of(volume, mask, bins, lo, hi);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    public long count(int bin) {
        return counts[bin];
    }

    public double binWidth() {
        return (max - min) / counts.length;
    }

    /** Lower edge of a bin; {@code lowerEdge(bins())} is {@code max}. */
    public double lowerEdge(int bin) {
        return min + bin * binWidth();
    }

    public double binCentre(int bin) {
        return min + (bin + 0.5) * binWidth();
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && h.min == min && h.max == max && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + Double.hashCode(min);
    }

    @Override
    public String toString() {
        return "Histogram[" + min + ".." + max + ", " + counts.length + " bins, " + total() + " values]";
    }
}
