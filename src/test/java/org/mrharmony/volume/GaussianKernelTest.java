package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianKernelTest {

    @Test
    void reflectIsHalfSampleSymmetric() {
        int[] expected = {2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0, 0};
        for (int i = -3; i <= 8; i++) {
            assertThat(GaussianKernel.Border.REFLECT.index(i, 4)).as("index %d", i).isEqualTo(expected[i + 3]);
        }
        assertThat(GaussianKernel.Border.REFLECT.index(-7, 1)).isZero();
    }

    @Test
    void nearestRepeatsTheEdges() {
        int[] expected = {0, 0, 0, 0, 1, 2, 3, 3, 3};
        for (int i = -3; i <= 5; i++) {
            assertThat(GaussianKernel.Border.NEAREST.index(i, 4)).as("index %d", i).isEqualTo(expected[i + 3]);
        }
    }

    @Test
    void radiusRulesDifferOnlyWhereScipyRoundsDown() {
        assertThat(GaussianKernel.scipyRadius(1.5, 3.5)).isEqualTo(5);
        assertThat(GaussianKernel.ceilRadius(1.5, 3.5)).isEqualTo(6);
        assertThat(GaussianKernel.scipyRadius(1.1, 4)).isEqualTo(4);
        assertThat(GaussianKernel.ceilRadius(1.1, 4)).isEqualTo(5);
        assertThat(GaussianKernel.scipyRadius(2, 4)).isEqualTo(GaussianKernel.ceilRadius(2, 4));
    }

    @Test
    void convolutionMatchesAnExplicitlyExtendedLine() {
        // Line of 5, kernel of 9 taps: the borders reach past the whole line on both sides.
        double sigma = 1.3;
        int r = 4;
        double[] line = new Random(3).doubles(5).toArray();
        double[] w = new double[2 * r + 1];
        double norm = 0;
        for (int d = -r; d <= r; d++) {
            w[d + r] = Math.exp(-d * d / (2 * sigma * sigma));
            norm += w[d + r];
        }
        // The line written out by hand as scipy extends it, r = 4 samples beyond each end.
        double[] a = line;
        double[] reflected = {a[3], a[2], a[1], a[0], a[0], a[1], a[2], a[3], a[4], a[4], a[3], a[2], a[1]};
        double[] nearest = {a[0], a[0], a[0], a[0], a[0], a[1], a[2], a[3], a[4], a[4], a[4], a[4], a[4]};
        for (GaussianKernel.Border border : GaussianKernel.Border.values()) {
            double[] ext = border == GaussianKernel.Border.REFLECT ? reflected : nearest;
            double[] out = new double[5];
            new GaussianKernel(sigma, r, border).convolve(line, 5, out);
            for (int i = 0; i < 5; i++) {
                double expected = 0;
                for (int t = 0; t < w.length; t++) {
                    expected += w[t] / norm * ext[i + t];
                }
                assertThat(out[i]).as("%s at %d", border, i).isCloseTo(expected, within(1e-14));
            }
        }
    }
}
