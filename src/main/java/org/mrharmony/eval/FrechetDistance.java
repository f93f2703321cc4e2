package org.mrharmony.eval;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The Fréchet distance between two Gaussians fitted to feature vectors (Heusel et al. 2017,
 * the FID): {@code |μ1 − μ2|² + tr(Σ1 + Σ2 − 2 (Σ1^½ Σ2 Σ1^½)^½)}.
 *
 * <p>{@code tr((Σ1 Σ2)^½)} is computed as {@code tr((Σ1^½ Σ2 Σ1^½)^½)}, which has the same
 * eigenvalues but is symmetric positive semi-definite, so both square roots come from a
 * symmetric eigendecomposition with no complex parts to discard (scipy's {@code sqrtm} of the
 * non-symmetric product is what makes the usual implementation need that).
 *
 * <p>From samples, the covariances are never formed: with centred sample matrices A1 (n1×d)
 * and A2 (n2×d), Σ1 Σ2 = A1ᵀ (A1 A2ᵀ) A2 / ((n1−1)(n2−1)) has the same non-zero eigenvalues as
 * M Mᵀ with M = A1 A2ᵀ, so {@code tr((Σ1 Σ2)^½)} is the sum of M's singular values over
 * √((n1−1)(n2−1)). Exact, and n1·n2·d work instead of d³: ResNet-50's 2048 features from a few
 * hundred stacks took minutes per method through the d×d eigendecompositions. Used when there
 * are more features than samples; otherwise the covariances are the smaller matrices.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    /** Distance between the Gaussians fitted to two sets of rows (samples x features). */
    public static double between(double[][] a, double[][] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("need at least two samples on each side, got " + a.length + " and "
                + b.length);
        }
        if (a[0].length != b[0].length) {
            throw new IllegalArgumentException("features of " + a[0].length + " and " + b[0].length + " dimensions");
        }
        if (a[0].length <= Math.max(a.length, b.length)) {
            // fewer features than samples: the d×d route is the cheaper one
            return between(mean(a), covariance(a), mean(b), covariance(b));
        }
        double[] mu1 = mean(a);
        double[] mu2 = mean(b);
        double[][] c1 = centred(a, mu1);
        double[][] c2 = centred(b, mu2);
        double d = 0;
        for (int j = 0; j < mu1.length; j++) {
            d += (mu1[j] - mu2[j]) * (mu1[j] - mu2[j]);
        }
        double[][] m = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                double dot = 0;
                for (int j = 0; j < mu1.length; j++) {
                    dot += c1[i][j] * c2[k][j];
                }
                m[i][k] = dot;
            }
        }
        double nuclear = 0;
        for (double sv : new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues()) {
            nuclear += sv;
        }
        double traceRoot = nuclear / Math.sqrt((a.length - 1.0) * (b.length - 1.0));
        return Math.max(0, d + sumOfSquares(c1) / (a.length - 1) + sumOfSquares(c2) / (b.length - 1) - 2 * traceRoot);
    }

    private static double[][] centred(double[][] rows, double[] mu) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[mu.length];
            for (int j = 0; j < mu.length; j++) {
                out[i][j] = rows[i][j] - mu[j];
            }
        }
        return out;
    }

    private static double sumOfSquares(double[][] rows) {
        double s = 0;
        for (double[] r : rows) {
            for (double v : r) {
                s += v * v;
            }
        }
        return s;
    }

    public static double between(double[] mu1, double[][] sigma1, double[] mu2, double[][] sigma2) {
        double d = 0;
        for (int i = 0; i < mu1.length; i++) {
            d += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]);
        }
        RealMatrix s1 = new Array2DRowRealMatrix(sigma1);
        RealMatrix s2 = new Array2DRowRealMatrix(sigma2);
        RealMatrix root1 = sqrtPsd(s1);
        RealMatrix inner = root1.multiply(s2).multiply(root1);
        double traceRoot = 0;
        for (double ev : new EigenDecomposition(symmetrized(inner)).getRealEigenvalues()) {
            traceRoot += Math.sqrt(Math.max(ev, 0));
        }
        return Math.max(0, d + s1.getTrace() + s2.getTrace() - 2 * traceRoot);
    }

    /** Square root of a symmetric positive semi-definite matrix; round-off negatives count as 0. */
    static RealMatrix sqrtPsd(RealMatrix m) {
        EigenDecomposition e = new EigenDecomposition(symmetrized(m));
        RealMatrix v = e.getV();
        double[] ev = e.getRealEigenvalues();
        int n = ev.length;
        double[][] scaled = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                scaled[r][c] = v.getEntry(r, c) * Math.sqrt(Math.max(ev[c], 0));
            }
        }
        return new Array2DRowRealMatrix(scaled, false).multiply(v.transpose());
    }

    /** (M + Mᵀ)/2: products of symmetric matrices are symmetric only up to round-off. */
    private static RealMatrix symmetrized(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }

    static double[] mean(double[][] rows) {
        double[] mu = new double[rows[0].length];
        for (double[] r : rows) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += r[j];
            }
        }
        for (int j = 0; j < mu.length; j++) {
            mu[j] /= rows.length;
        }
        return mu;
    }

    /** Sample covariance (n - 1), as numpy's {@code cov} in the reference FID code. */
    static double[][] covariance(double[][] rows) {
        double[] mu = mean(rows);
        int d = mu.length;
        double[][] c = new double[d][d];
        for (double[] r : rows) {
            for (int i = 0; i < d; i++) {
                double di = r[i] - mu[i];
                for (int j = i; j < d; j++) {
                    c[i][j] += di * (r[j] - mu[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= rows.length - 1;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }
}
