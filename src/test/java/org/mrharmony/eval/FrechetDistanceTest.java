package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    /** Diagonal covariances: the trace term is Σ (√a_i − √b_i)², worked out by hand. */
    @Test
    void diagonalGaussiansMatchTheClosedForm() {
        double[] mu1 = {0, 1, 2};
        double[] mu2 = {1, 1, 0};
        double[] var1 = {1, 4, 9};
        double[] var2 = {4, 4, 1};
        // |mu1 - mu2|^2 = 1 + 0 + 4 = 5; (1-2)^2 + (2-2)^2 + (3-1)^2 = 5
        assertThat(FrechetDistance.between(mu1, diag(var1), mu2, diag(var2))).isCloseTo(10.0, within(1e-9));
    }

    /** The distance is invariant when both Gaussians are rotated alike: non-diagonal case, same answer. */
    @Test
    void rotatedCovariancesGiveTheSameDistance() {
        double t = 0.7;
        double[][] r = {{Math.cos(t), -Math.sin(t), 0}, {Math.sin(t), Math.cos(t), 0}, {0, 0, 1}};
        double[] mu1 = {0, 1, 2};
        double[] mu2 = {1, 1, 0};
        double[][] s1 = rotate(r, diag(new double[] {1, 4, 9}));
        double[][] s2 = rotate(r, diag(new double[] {4, 4, 1}));
        assertThat(s1[0][1]).isNotCloseTo(0.0, within(1e-3));
        assertThat(FrechetDistance.between(apply(r, mu1), s1, apply(r, mu2), s2)).isCloseTo(10.0, within(1e-9));
    }

    /** The low-rank sample path (more features than samples) against the covariance path. */
    @Test
    void fromSamplesEqualsTheCovarianceFormulaWithMoreFeaturesThanSamples() {
        java.util.Random rnd = new java.util.Random(11);
        for (int[] shape : new int[][] {{7, 5, 12}, {20, 9, 64}}) {
            double[][] a = new double[shape[0]][shape[2]];
            double[][] b = new double[shape[1]][shape[2]];
            for (double[] r : a) {
                for (int j = 0; j < r.length; j++) {
                    r[j] = rnd.nextGaussian() * (1 + j % 3);
                }
            }
            for (double[] r : b) {
                for (int j = 0; j < r.length; j++) {
                    r[j] = 0.5 + rnd.nextGaussian();
                }
            }
            double viaCovariances = FrechetDistance.between(FrechetDistance.mean(a), FrechetDistance.covariance(a),
                FrechetDistance.mean(b), FrechetDistance.covariance(b));
            assertThat(FrechetDistance.between(a, b)).isCloseTo(viaCovariances, within(1e-8 * viaCovariances));
        }
    }

    @Test
    void samplesOfOneDistributionAreCloseAndShiftedOnesAreNot() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] a = gaussianRows(rng, 4000, 0);
        double[][] b = gaussianRows(rng, 4000, 0);
        double[][] shifted = gaussianRows(rng, 4000, 2);
        assertThat(FrechetDistance.between(a, a)).isCloseTo(0.0, within(1e-9));
        assertThat(FrechetDistance.between(a, b)).isLessThan(0.05);
        // shifting every one of 2 coordinates by 2: |Δμ|² = 8, same covariance
        assertThat(FrechetDistance.between(a, shifted)).isCloseTo(8.0, within(0.4));
    }

    private static double[][] gaussianRows(SplittableRandom rng, int n, double shift) {
        double[][] rows = new double[n][2];
        for (double[] row : rows) {
            for (int j = 0; j < 2; j++) {
                double u = 1 - rng.nextDouble();
                row[j] = shift + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
            }
        }
        return rows;
    }

    private static double[][] diag(double[] v) {
        double[][] m = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            m[i][i] = v[i];
        }
        return m;
    }

    private static double[] apply(double[][] r, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += r[i][j] * v[j];
            }
        }
        return out;
    }

    /** R S Rᵀ. */
    private static double[][] rotate(double[][] r, double[][] s) {
        int n = s.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        out[i][j] += r[i][k] * s[k][l] * r[j][l];
                    }
                }
            }
        }
        return out;
    }
}
