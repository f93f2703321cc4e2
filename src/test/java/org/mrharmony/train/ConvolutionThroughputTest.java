package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class ConvolutionThroughputTest {

    @Test
    void flopsOfTheReferenceConvolution() {
        // forward 2 * 8 * 128 * 128 * 9 * 64 * 64 = 9,663,676,416; backward twice that
        assertThat(ConvolutionThroughput.flops(8, 128, 64)).isEqualTo(3L * 9_663_676_416L);
    }

    @Test
    void measuresEveryRepetitionAndDerivesItsRates() {
        ConvolutionThroughput.Result r = ConvolutionThroughput.measure(Device.cpu(), 2, 4, 8, 3);

        assertThat(r.seconds()).hasSize(3);
        assertThat(java.util.Arrays.stream(r.seconds()).min().orElseThrow()).isPositive();
        assertThat(r.bestSeconds()).isLessThanOrEqualTo(r.medianSeconds());
        assertThat(r.bestGflops()).isCloseTo(r.flopsPerRepetition() / r.bestSeconds() / 1e9, within(1e-9));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        ConvolutionThroughput.Result r = new ConvolutionThroughput.Result(1, 1, 1, 10, new double[] {4, 1, 3, 2});

        assertThat(r.medianSeconds()).isEqualTo(2.5);
        assertThat(r.bestSeconds()).isEqualTo(1);
    }
}
