package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WassersteinTest {

    @Test
    void shiftedSampleIsAtDistanceOfTheShift() {
        Random rnd = new Random(1);
        double[] a = new double[37];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian() * 10;
        }
        double[] b = Arrays.stream(a).map(v -> v + 3.25).toArray();
        assertThat(Wasserstein.w1(a, b)).isCloseTo(3.25, within(1e-12));
        // Same distribution with each value twice, different sample size: still the shift.
        double[] twice = new double[2 * a.length];
        for (int i = 0; i < a.length; i++) {
            twice[2 * i] = b[i];
            twice[2 * i + 1] = b[i];
        }
        assertThat(Wasserstein.w1(a, twice)).isCloseTo(3.25, within(1e-12));
    }

    @Test
    void smallCasesByHand() {
        // {0} vs {1, 3}: half the mass moves 1, half moves 3.
        assertThat(Wasserstein.w1(new double[] {0}, new double[] {1, 3})).isCloseTo(2.0, within(1e-15));
        // {0, 1} vs {0, 0, 3}: quantiles agree on (0, 1/2]; 1 vs 0 on (1/2, 2/3]; 1 vs 3 on (2/3, 1].
        assertThat(Wasserstein.w1(new double[] {1, 0}, new double[] {3, 0, 0}))
            .isCloseTo(1.0 / 6 + 2.0 / 3, within(1e-15));
        assertThat(Wasserstein.w1(new double[] {5, 5}, new double[] {5})).isZero();
    }

    @Test
    void matchesTheCdfFormOnRandomSamplesOfUnequalSize() {
        // Independent formula: W1 = ∫ |F(x) − G(x)| dx over the merged support.
        Random rnd = new Random(2);
        double[] a = new double[23];
        double[] b = new double[31];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextDouble() * 5;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 1 + rnd.nextDouble() * 3;
        }
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        double expected = 0;
        for (int k = 0; k + 1 < all.length; k++) {
            double x = all[k];
            double fa = Arrays.stream(a).filter(v -> v <= x).count() / (double) a.length;
            double fb = Arrays.stream(b).filter(v -> v <= x).count() / (double) b.length;
            expected += Math.abs(fa - fb) * (all[k + 1] - all[k]);
        }
        assertThat(Wasserstein.w1(a, b)).isCloseTo(expected, within(1e-12));
    }
}
