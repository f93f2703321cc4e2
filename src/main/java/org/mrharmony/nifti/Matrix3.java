package org.mrharmony.nifti;

/** The few 3x3 matrix operations the qform conversion needs. */
final class Matrix3 {

    private static final int MAX_POLAR_ITERATIONS = 100;
    private static final double POLAR_TOLERANCE = 1e-12;

    private Matrix3() {
    }

    static double determinant(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    static double[][] inverse(double[][] m) {
        double det = determinant(m);
        double[][] r = new double[3][3];
        r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return r;
    }

    /** Largest absolute row sum. */
    static double rowNorm(double[][] m) {
        double best = 0;
        for (int r = 0; r < 3; r++) {
            best = Math.max(best, Math.abs(m[r][0]) + Math.abs(m[r][1]) + Math.abs(m[r][2]));
        }
        return best;
    }

    /** Largest absolute column sum. */
    static double colNorm(double[][] m) {
        double best = 0;
        for (int c = 0; c < 3; c++) {
            best = Math.max(best, Math.abs(m[0][c]) + Math.abs(m[1][c]) + Math.abs(m[2][c]));
        }
        return best;
    }

    /**
     * The orthogonal matrix nearest to {@code a} (the orthogonal factor of its polar
     * decomposition), by the scaled Newton iteration X <- (g X + X^-T / g) / 2 used by
     * nifti_mat33_polar. A singular input is nudged along the diagonal first.
     */
    static double[][] polar(double[][] a) {
        double[][] x = copy(a);
        double det = determinant(x);
        while (det == 0) {
            double nudge = 0.00001 * (0.001 + rowNorm(x));
            for (int i = 0; i < 3; i++) {
                x[i][i] += nudge;
            }
            det = determinant(x);
        }
        double diff = 1.0;
        for (int k = 0; k < MAX_POLAR_ITERATIONS; k++) {
            double[][] y = inverse(x);
            double gamma = 1.0;
            // Scaling speeds up the first steps; near convergence it only adds rounding.
            if (diff > 0.3) {
                double alpha = Math.sqrt(rowNorm(x) * colNorm(x));
                double beta = Math.sqrt(rowNorm(y) * colNorm(y));
                gamma = Math.sqrt(beta / alpha);
            }
            double[][] z = new double[3][3];
            diff = 0;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    z[r][c] = 0.5 * (gamma * x[r][c] + y[c][r] / gamma);
                    diff += Math.abs(z[r][c] - x[r][c]);
                }
            }
            x = z;
            if (diff < POLAR_TOLERANCE) {
                break;
            }
        }
        return x;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[3][3];
        for (int r = 0; r < 3; r++) {
            System.arraycopy(a[r], 0, c[r], 0, 3);
        }
        return c;
    }
}
