package org.mrharmony.eval;

/**
 * Separable 3D Gaussian smoothing of a flat x-fastest array, in place.
 *
 * <p>The kernel is {@code exp(-x²/2σ²)} sampled at integer offsets {@code -r..r} and
 * normalised to sum 1, with {@code r = (int) (truncate·σ + 0.5)} — scipy.ndimage's rule, so
 * σ = 1.5 with truncate 3.5 (scikit-image's SSIM settings) gives r = 5, the 11-tap window
 * of Wang et al. 2004. Borders are extended by half-sample symmetric reflection
 * ({@code d c b a | a b c d | d c b a}, scipy's {@code mode='reflect'}, which scikit-image's
 * SSIM uses), so a constant image stays exactly constant up to the border.
 */
public final class GaussianFilter3D {

    private final double[] kernel;
    private final int radius;

    public GaussianFilter3D(double sigma, double truncate) {
        if (!(sigma > 0) || !(truncate > 0)) {
            throw new IllegalArgumentException("sigma and truncate must be positive: " + sigma + ", " + truncate);
        }
        this.radius = (int) (truncate * sigma + 0.5);
        this.kernel = kernel(sigma, radius);
    }

    /** The normalised 1D kernel, {@code 2r + 1} taps centred on index r. */
    public static double[] kernel(double sigma, int radius) {
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

    public double[] kernel() {
        return kernel.clone();
    }

    /**
     * Index of the sample that stands at position {@code i} of a line of length {@code n}
     * extended by half-sample symmetric reflection (period 2n; works for any i, even when
     * the kernel is longer than the line).
     */
    public static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** Smooths {@code data} (nx·ny·nz values, x fastest) along x, y and z in turn. */
    public void apply(double[] data, int nx, int ny, int nz) {
        if ((long) nx * ny * nz != data.length) {
            throw new IllegalArgumentException("data length " + data.length + " is not " + nx + "x" + ny + "x" + nz);
        }
        int maxLen = Math.max(nx, Math.max(ny, nz));
        double[] padded = new double[maxLen + 2 * radius];
        double[] line = new double[maxLen];
        // Along x: stride 1; along y: stride nx; along z: stride nx*ny.
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                filterLine(data, nx * (y + ny * z), 1, nx, padded, line);
            }
        }
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                filterLine(data, x + nx * ny * z, nx, ny, padded, line);
            }
        }
        int plane = nx * ny;
        for (int p = 0; p < plane; p++) {
            filterLine(data, p, plane, nz, padded, line);
        }
    }

    private void filterLine(double[] data, int start, int stride, int n, double[] padded, double[] out) {
        for (int i = -radius; i < n + radius; i++) {
            padded[i + radius] = data[start + stride * reflect(i, n)];
        }
        int taps = kernel.length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int t = 0; t < taps; t++) {
                s += kernel[t] * padded[i + t];
            }
            out[i] = s;
        }
        for (int i = 0; i < n; i++) {
            data[start + stride * i] = out[i];
        }
    }
}
