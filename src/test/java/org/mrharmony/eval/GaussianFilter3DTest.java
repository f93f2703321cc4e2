package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianFilter3DTest {

    @Test
    void ssimSettingsGiveWangsElevenTapWindow() {
        GaussianFilter3D f = new GaussianFilter3D(1.5, 3.5);
        assertThat(f.radius()).isEqualTo(5);
        double[] k = f.kernel();
        assertThat(k).hasSize(11);
        double sum = 0;
        for (double v : k) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-15));
        // Ratio of neighbouring taps is exp(-(2i+1)/(2σ²)).
        assertThat(k[6] / k[5]).isCloseTo(Math.exp(-1 / 4.5), within(1e-15));
        assertThat(k[0]).isEqualTo(k[10]);
    }

    @Test
    void impulseSpreadsAsTheProductOfKernels() {
        int n = 13;
        double[] d = new double[n * n * n];
        d[6 + n * (6 + n * 6)] = 1;
        GaussianFilter3D f = new GaussianFilter3D(1.5, 3.5);
        f.apply(d, n, n, n);
        double[] k = f.kernel();
        assertThat(d[7 + n * (4 + n * 6)]).isCloseTo(k[6] * k[3] * k[5], within(1e-15));
        assertThat(d[0]).isZero();
    }
}
