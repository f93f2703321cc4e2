package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearPercentileTest {

    private static double of(double[] sorted, double p) {
        return LinearPercentile.of(sorted.length, p, k -> sorted[k]);
    }

    @Test
    void matchesNumpysDefaultPercentile() {
        // numpy.percentile([1, 2, 3, 4, 5], [0, 10, 25, 50, 100]) -> [1, 1.4, 2, 3, 5]
        double[] five = {1, 2, 3, 4, 5};
        assertThat(of(five, 0)).isEqualTo(1.0);
        assertThat(of(five, 10)).isCloseTo(1.4, within(1e-12));
        assertThat(of(five, 25)).isEqualTo(2.0);
        assertThat(of(five, 50)).isEqualTo(3.0);
        assertThat(of(five, 100)).isEqualTo(5.0);
        // numpy.percentile([10, 20, 40, 80], [50, 75, 90]) -> [30, 50, 68]
        double[] four = {10, 20, 40, 80};
        assertThat(of(four, 50)).isCloseTo(30, within(1e-12));
        assertThat(of(four, 75)).isCloseTo(50, within(1e-12));
        assertThat(of(four, 90)).isCloseTo(68, within(1e-12));
        assertThat(of(new double[] {7}, 63)).isEqualTo(7.0);
    }

    @Test
    void asksOnlyForTheOrderStatisticsItNeeds() {
        // An exact rank reads one value; otherwise the one at lowerIndex and the next.
        assertThat(LinearPercentile.isExactRank(5, 25)).isTrue();
        assertThat(LinearPercentile.lowerIndex(5, 25)).isEqualTo(1);
        assertThat(LinearPercentile.of(5, 25, k -> k == 1 ? 2.0 : Double.NaN)).isEqualTo(2.0);
        assertThat(LinearPercentile.isExactRank(5, 10)).isFalse();
        assertThat(LinearPercentile.lowerIndex(5, 10)).isZero();
        assertThat(LinearPercentile.of(5, 10, k -> k <= 1 ? k + 1.0 : Double.NaN)).isCloseTo(1.4, within(1e-12));
        assertThat(LinearPercentile.of(5, 100, k -> k == 4 ? 5.0 : Double.NaN)).isEqualTo(5.0);
    }
}
