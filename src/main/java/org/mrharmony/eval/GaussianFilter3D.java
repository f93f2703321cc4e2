package org.mrharmony.eval;

import org.mrharmony.volume.AxisLines;
import org.mrharmony.volume.GaussianKernel;

/**
 * Separable 3D Gaussian smoothing of a flat x-fastest array of doubles, in place: SSIM's window.
 *
 * <p>It shares its kernel and line convolution with {@link org.mrharmony.volume.Gaussian} but
 * keeps scikit-image's SSIM settings, which differ on purpose: the radius is scipy.ndimage's
 * rule {@code r = (int) (truncate·σ + 0.5)}, so σ = 1.5 with truncate 3.5 gives r = 5, the
 * 11-tap window of Wang et al. 2004; borders are extended by half-sample symmetric reflection
 * (scipy's {@code mode='reflect'}, which scikit-image's SSIM uses), so a constant image stays
 * exactly constant up to the border; and the passes stay in double (no float rounding between
 * axes), sigma in voxels.
 */
public final class GaussianFilter3D {

    private final GaussianKernel kernel;

    public GaussianFilter3D(double sigma, double truncate) {
        if (!(sigma > 0) || !(truncate > 0)) {
            throw new IllegalArgumentException("sigma and truncate must be positive: " + sigma + ", " + truncate);
        }
        this.kernel = new GaussianKernel(sigma, GaussianKernel.scipyRadius(sigma, truncate),
            GaussianKernel.Border.REFLECT);
    }

    public int radius() {
        return kernel.radius();
    }

    public double[] kernel() {
        return kernel.taps();
    }

    /** Smooths {@code data} (nx·ny·nz values, x fastest) along x, y and z in turn. */
    public void apply(double[] data, int nx, int ny, int nz) {
        if ((long) nx * ny * nz != data.length) {
            throw new IllegalArgumentException("data length " + data.length + " is not " + nx + "x" + ny + "x" + nz);
        }
        int maxLen = Math.max(nx, Math.max(ny, nz));
        double[] line = new double[maxLen];
        double[] out = new double[maxLen];
        for (int axis = 0; axis < 3; axis++) {
            AxisLines.forEach(nx, ny, nz, axis, (start, step, n) -> {
                for (int k = 0; k < n; k++) {
                    line[k] = data[start + k * step];
                }
                kernel.convolve(line, n, out);
                for (int k = 0; k < n; k++) {
                    data[start + k * step] = out[k];
                }
            });
        }
    }
}
