package org.mrharmony.eval;

import org.mrharmony.volume.Volume;

/**
 * Structural similarity (Wang, Bovik, Sheikh &amp; Simoncelli 2004) in 3D.
 *
 * <p>Settings, chosen to match scikit-image's {@code structural_similarity(...,
 * gaussian_weights=True, use_sample_covariance=False)}: isotropic Gaussian window
 * σ = 1.5 voxels truncated at 3.5σ (radius 5, i.e. Wang's 11 taps per axis),
 * K1 = 0.01, K2 = 0.03, {@code C1 = (K1·R)²}, {@code C2 = (K2·R)²}, Gaussian-weighted
 * (population) variances and covariance, borders by half-sample reflection
 * (see {@link GaussianFilter3D}). The data range R is explicit (see {@link DataRange}).
 *
 * <p>The SSIM map is computed on the whole volume and then averaged over the mask voxels,
 * so voxels just inside the brain see their true neighbourhood (including background).
 * Without a mask the mean is over all voxels; note that scikit-image instead drops a
 * border of {@code radius} voxels before averaging, so unmasked values differ slightly.
 */
public final class Ssim {

    public static final double SIGMA = 1.5;
    public static final double TRUNCATE = 3.5;
    public static final double K1 = 0.01;
    public static final double K2 = 0.03;

    private Ssim() {
    }

    /** Mean SSIM of {@code a} against the reference {@code b} over the mask (null: all voxels). */
    public static double mean(Volume a, Volume b, boolean[] mask, double dataRange) {
        Masks.check(mask, b);
        double[] map = map(a, b, dataRange);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < map.length; i++) {
            if (mask == null || mask[i]) {
                sum += map[i];
                n++;
            }
        }
        return sum / n;
    }

    /** The voxelwise SSIM map, x fastest like the volumes. */
    public static double[] map(Volume a, Volume b, double dataRange) {
        requireSameDims(a, b);
        DataRange.requirePositive(dataRange);
        int n = a.size();
        float[] x = a.data();
        float[] y = b.data();
        double[] mx = new double[n];
        double[] my = new double[n];
        double[] mxx = new double[n];
        double[] myy = new double[n];
        double[] mxy = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double yi = y[i];
            mx[i] = xi;
            my[i] = yi;
            mxx[i] = xi * xi;
            myy[i] = yi * yi;
            mxy[i] = xi * yi;
        }
        GaussianFilter3D window = new GaussianFilter3D(SIGMA, TRUNCATE);
        for (double[] m : new double[][] {mx, my, mxx, myy, mxy}) {
            window.apply(m, a.nx(), a.ny(), a.nz());
        }
        double c1 = (K1 * dataRange) * (K1 * dataRange);
        double c2 = (K2 * dataRange) * (K2 * dataRange);
        // Reuse mx as the output to keep peak memory at five arrays.
        double[] out = mx;
        for (int i = 0; i < n; i++) {
            double ux = mx[i];
            double uy = my[i];
            double vx = mxx[i] - ux * ux;
            double vy = myy[i] - uy * uy;
            double vxy = mxy[i] - ux * uy;
            out[i] = ((2 * ux * uy + c1) * (2 * vxy + c2)) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
        }
        return out;
    }

    static void requireSameDims(Volume a, Volume b) {
        if (a.nx() != b.nx() || a.ny() != b.ny() || a.nz() != b.nz()) {
            throw new IllegalArgumentException("volumes differ in size: " + a.nx() + "x" + a.ny() + "x" + a.nz()
                + " vs " + b.nx() + "x" + b.ny() + "x" + b.nz());
        }
    }
}
