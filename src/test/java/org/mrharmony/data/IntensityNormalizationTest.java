package org.mrharmony.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

class IntensityNormalizationTest {

    /** 10 voxels: 0 (background) then 1..9 in the head mask, plus one outlier 100. */
    private static Volume sample() {
        float[] d = {0, 1, 2, 3, 4, 5, 6, 7, 8, 100};
        return new Volume(10, 1, 1, d, Affine.identity());
    }

    private static Mask head(Volume v) {
        boolean[] m = new boolean[10];
        for (int i = 1; i < 10; i++) {
            m[i] = true;
        }
        return Mask.of(10, 1, 1, m);
    }

    @Test
    void clipsAtThePercentileAndTakesTheClippedMean() {
        Volume v = sample();
        // head values 1..8,100; 50th percentile (numpy linear) of 9 values = 5th smallest = 5
        IntensityStats s = IntensityNormalization.measure(v, head(v), 50);
        assertThat(s.high()).isEqualTo(5.0);
        // clipped: 1,2,3,4,5,5,5,5,5 -> mean 35/9
        assertThat(s.mean()).isCloseTo(35.0 / 9, within(1e-12));
    }

    @Test
    void mapsIntoTheNetworkRangeAndBack() {
        IntensityStats s = new IntensityStats(4, 10);
        assertThat(s.toNetwork(10)).isEqualTo(1f);
        assertThat(s.toNetwork(4)).isEqualTo(0f);
        assertThat(s.toNetwork(1)).isEqualTo(-0.5f);
        assertThat(s.toNetwork(1000)).isEqualTo(1f);   // clamped
        assertThat(s.toNetwork(-50)).isEqualTo(-1f);   // clamped
        assertThat(s.fromNetwork(-0.5f)).isEqualTo(1f);
        assertThat(s.fromNetwork(s.toNetwork(7.25f))).isCloseTo(7.25f, within(1e-6f));
    }

    @Test
    void equalsTheZScoreDividedByItsMaximum() {
        Volume v = sample();
        Mask m = head(v);
        IntensityStats s = IntensityNormalization.measure(v, m, 90);
        Volume n = IntensityNormalization.toNetwork(v, m, s);
        // independent: clip, z-score with the clipped mean/sd, divide by the max z
        double high = s.high();
        double[] c = new double[9];
        double mean = 0;
        for (int i = 1; i < 10; i++) {
            c[i - 1] = Math.min(v.data()[i], high);
            mean += c[i - 1] / 9;
        }
        double var = 0;
        for (double x : c) {
            var += (x - mean) * (x - mean) / 9;
        }
        double sd = Math.sqrt(var);
        double zmax = (high - mean) / sd;
        for (int i = 1; i < 10; i++) {
            double expected = Math.max(-1, ((c[i - 1] - mean) / sd) / zmax);
            assertThat((double) n.data()[i]).isCloseTo(expected, within(1e-6));
        }
        assertThat(n.data()[0]).isEqualTo(IntensityNormalization.BACKGROUND);
    }

    @Test
    void backToRealScaleKeepsBackgroundZero() {
        Volume v = sample();
        Mask m = head(v);
        IntensityStats s = new IntensityStats(4, 10);
        Volume back = IntensityNormalization.fromNetwork(IntensityNormalization.toNetwork(v, m, s), m, s);
        assertThat(back.data()[0]).isZero();
        assertThat(back.data()[3]).isCloseTo(3f, within(1e-6f));
        assertThat(back.data()[9]).isEqualTo(10f); // the outlier was clipped at high
    }

    @Test
    void siteScaleIsTheAverageAndConstantVolumesAreRefused() {
        IntensityStats avg = IntensityStats.average(List.of(new IntensityStats(2, 10), new IntensityStats(4, 20)));
        assertThat(avg).isEqualTo(new IntensityStats(3, 15));
        assertThatThrownBy(() -> new IntensityStats(5, 5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("constant");
    }
}
