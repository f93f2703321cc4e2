package org.mrharmony.eval;

/**
 * A Gaussian kernel density estimate on an even grid, by linear binning (Wand 1994): each
 * sample's unit weight is split between its two neighbouring grid points, and the binned
 * counts are convolved with the Gaussian kernel. This is the estimator statsmodels'
 * {@code KDEUnivariate.fit(kernel="gau", fft=True)} computes (it does the convolution by
 * FFT, i.e. circularly; with the grid extended by {@code cut} bandwidths on each side the
 * wrapped-around part is below exp(−cut²·2) and we convolve directly instead).
 */
public final class KernelDensity {

    /** Grid points and density values at them. */
    public record Estimate(double[] grid, double[] density) {
    }

    private KernelDensity() {
    }

    /**
     * Density of {@code values} on {@code gridSize} points from {@code min − cut·bw} to
     * {@code max + cut·bw}.
     */
    public static Estimate gaussian(double[] values, double bandwidth, int gridSize, double cut) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to estimate a density from");
        }
        if (!(bandwidth > 0) || gridSize < 3) {
            throw new IllegalArgumentException("need a positive bandwidth and at least 3 grid points, got "
                + bandwidth + ", " + gridSize);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double a = min - cut * bandwidth;
        double b = max + cut * bandwidth;
        double delta = (b - a) / (gridSize - 1);
        double[] grid = new double[gridSize];
        for (int i = 0; i < gridSize; i++) {
            grid[i] = a + i * delta;
        }
        double[] counts = new double[gridSize];
        for (double v : values) {
            double pos = (v - a) / delta;
            int lo = Math.min((int) Math.floor(pos), gridSize - 2);
            double rem = pos - lo;
            counts[lo] += 1 - rem;
            counts[lo + 1] += rem;
        }
        double norm = 1.0 / (values.length * bandwidth * Math.sqrt(2 * Math.PI));
        double[] density = new double[gridSize];
        for (int i = 0; i < gridSize; i++) {
            double s = 0;
            for (int j = 0; j < gridSize; j++) {
                double u = (i - j) * delta / bandwidth;
                s += counts[j] * Math.exp(-0.5 * u * u);
            }
            density[i] = s * norm;
        }
        return new Estimate(grid, density);
    }
}
