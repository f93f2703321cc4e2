package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PiecewiseLinearTest {

    @Test
    void interpolatesAndExtrapolatesWithTheEndSegments() {
        PiecewiseLinear f = new PiecewiseLinear(new double[] {0, 1, 3}, new double[] {0, 10, 20});
        assertThat(f.apply(1)).isEqualTo(10);
        assertThat(f.apply(2)).isCloseTo(15, within(1e-12));
        assertThat(f.apply(-1)).isCloseTo(-10, within(1e-12));
        assertThat(f.apply(5)).isCloseTo(30, within(1e-12));
    }

    @Test
    void mergesKnotsWithEqualX() {
        PiecewiseLinear f = new PiecewiseLinear(new double[] {0, 1, 1, 2}, new double[] {0, 10, 20, 30});
        assertThat(f.apply(1)).isCloseTo(15, within(1e-12));
        assertThat(f.apply(0.5)).isCloseTo(7.5, within(1e-12));
        assertThat(f.apply(1.5)).isCloseTo(22.5, within(1e-12));
    }

    @Test
    void rejectsDecreasingOrDegenerateKnots() {
        assertThatThrownBy(() -> new PiecewiseLinear(new double[] {0, 2, 1}, new double[] {0, 1, 2}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-decreasing");
        assertThatThrownBy(() -> new PiecewiseLinear(new double[] {4, 4}, new double[] {0, 1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two distinct");
    }
}
