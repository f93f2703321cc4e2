package org.mrharmony.volume;

/**
 * A normalised, truncated 1D Gaussian and the convolution of one line of samples with it: the
 * piece every separable Gaussian smoothing in the project shares ({@link Gaussian} for volumes
 * with sigma in mm, eval's SSIM window).
 *
 * <p>The taps are {@code exp(-x²/2σ²)} at integer offsets {@code -r..r}, normalised to sum 1.
 * What differs between the users differs on purpose and is therefore a parameter: the radius
 * r (see {@link #scipyRadius} and {@link #ceilRadius}) and the {@link Border}. Sums run over
 * the taps in ascending offset, so a given kernel, border and line always give the same bits.
 */
public final class GaussianKernel {

    /** How a line is extended beyond its ends. */
    public enum Border {
        /** Edge samples repeated ({@code a a a | a b c d | d d d}, scipy's {@code mode='nearest'}). */
        NEAREST {
            @Override
            public int index(int i, int n) {
                return Math.min(Math.max(i, 0), n - 1);
            }
        },
        /**
         * Half-sample symmetric reflection ({@code d c b a | a b c d | d c b a}, scipy's
         * {@code mode='reflect'}), period 2n, so any i works even when the kernel is longer than
         * the line.
         */
        REFLECT {
            @Override
            public int index(int i, int n) {
                int period = 2 * n;
                int m = Math.floorMod(i, period);
                return m < n ? m : period - 1 - m;
            }
        };

        /** Index of the sample that stands at position {@code i} of a line of length {@code n}. */
        public abstract int index(int i, int n);
    }

    private final double[] taps;
    private final int radius;
    private final Border border;

    public GaussianKernel(double sigma, int radius, Border border) {
        if (!(sigma > 0) || radius < 0) {
            throw new IllegalArgumentException("sigma must be positive and radius not negative: " + sigma + ", " + radius);
        }
        this.taps = taps(sigma, radius);
        this.radius = radius;
        this.border = border;
    }

    /** scipy.ndimage's truncation, {@code r = (int) (truncate·σ + 0.5)}. */
    public static int scipyRadius(double sigma, double truncate) {
        return (int) (truncate * sigma + 0.5);
    }

    /** {@code r = ceil(truncate·σ)}: never cuts the tail before {@code truncate·σ}. */
    public static int ceilRadius(double sigma, double truncate) {
        return (int) Math.ceil(truncate * sigma);
    }

    /** The normalised taps, {@code 2r + 1} of them centred on index r. */
    public static double[] taps(double sigma, int radius) {
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    public int radius() {
        return radius;
    }

    public double[] taps() {
        return taps.clone();
    }

    /** Writes the first {@code n} samples of {@code line}, convolved, to {@code out} (not {@code line}). */
    public void convolve(double[] line, int n, double[] out) {
        int width = taps.length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            int first = i - radius;
            if (first >= 0 && first + width <= n) {
                for (int t = 0; t < width; t++) {
                    s += taps[t] * line[first + t];
                }
            } else {
                for (int t = 0; t < width; t++) {
                    s += taps[t] * line[border.index(first + t, n)];
                }
            }
            out[i] = s;
        }
    }
}
