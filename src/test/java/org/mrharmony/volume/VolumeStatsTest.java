package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VolumeStatsTest {

    @Test
    void percentilesOfKnownValues() {
        Volume v = new Volume(5, 1, 1, new float[] {5, 1, 4, 2, 3}, Affine.identity());
        assertThat(VolumeStats.percentile(v, 50)).isEqualTo(3.0);
        assertThat(VolumeStats.percentile(v, 25)).isEqualTo(2.0);
        assertThat(VolumeStats.percentile(v, 10)).isCloseTo(1.4, offset(1e-12));
        assertThat(VolumeStats.percentiles(v, 0, 100)).containsExactly(1.0, 5.0);
        assertThat(v.data()).as("input untouched").containsExactly(5, 1, 4, 2, 3);
    }

    @Test
    void percentileOverAMaskMatchesASortOfTheMaskedValues() {
        Volume v = TestVolumes.random(9, 8, 7, Affine.identity(), 11);
        Random r = new Random(12);
        boolean[] bits = new boolean[v.size()];
        List<Double> inside = new ArrayList<>();
        for (int i = 0; i < bits.length; i++) {
            bits[i] = r.nextDouble() < 0.3;
            if (bits[i]) {
                inside.add((double) v.data()[i]);
            }
        }
        Collections.sort(inside);
        Mask m = Mask.of(9, 8, 7, bits);
        int n = inside.size();
        for (double p : new double[] {0, 1, 25, 50, 73.3, 99, 100}) {
            double rank = p / 100 * (n - 1);
            int lo = (int) rank;
            double expected = lo + 1 < n
                ? inside.get(lo) + (rank - lo) * (inside.get(lo + 1) - inside.get(lo))
                : inside.get(lo);
            assertThat(VolumeStats.percentile(v, m, p)).isCloseTo(expected, offset(1e-9));
        }
    }

    @Test
    void percentilesWithManyTiesAndNaNsMatchASort() {
        // Half background zeros, a few plateaus, NaNs that must be ignored: the hard case for selection.
        Random r = new Random(15);
        float[] d = new float[20000];
        List<Float> finite = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            double u = r.nextDouble();
            d[i] = u < 0.5 ? 0f : u < 0.6 ? 7f : u < 0.61 ? Float.NaN : (float) (100 * r.nextDouble());
            if (!Float.isNaN(d[i])) {
                finite.add(d[i]);
            }
        }
        Collections.sort(finite);
        Volume v = new Volume(20000, 1, 1, d.clone(), Affine.identity());
        double[] ps = {99.9, 0, 49.99, 50, 55, 60.5, 100, 1};
        double[] got = VolumeStats.percentiles(v, ps);
        int n = finite.size();
        for (int i = 0; i < ps.length; i++) {
            double rank = ps[i] / 100 * (n - 1);
            int lo = (int) rank;
            double hi = lo + 1 < n ? finite.get(lo + 1) : finite.get(lo);
            assertThat(got[i]).as("p" + ps[i]).isCloseTo(finite.get(lo) + (rank - lo) * (hi - finite.get(lo)), offset(1e-9));
        }
        assertThat(v.data()).as("input untouched").containsExactly(d);
    }

    @Test
    void meanAndSdOverAMask() {
        // The textbook example: mean 5, population sd 2. The unmasked 1000 must be ignored.
        float[] d = {2, 4, 4, 4, 5, 5, 7, 9, 1000};
        boolean[] bits = {true, true, true, true, true, true, true, true, false};
        Volume v = new Volume(9, 1, 1, d, Affine.identity());
        VolumeStats.MeanSd ms = VolumeStats.meanSd(v, Mask.of(9, 1, 1, bits));
        assertThat(ms.mean()).isEqualTo(5.0);
        assertThat(ms.sd()).isEqualTo(2.0);
        assertThat(ms.count()).isEqualTo(8);
        assertThatThrownBy(() -> VolumeStats.meanSd(v, Mask.of(9, 1, 1, new boolean[9])))
            .hasMessageContaining("empty mask");
    }

    @Test
    void histogramCountsAndEdges() {
        float[] d = {0, 0.5f, 1, 1.99f, 2, 3.5f, 4, 4.5f, -1};
        Volume v = new Volume(9, 1, 1, d, Affine.identity());
        Histogram h = Histogram.of(v, Mask.all(v), 4, 0, 4);
        // Bins [0,1) [1,2) [2,3) [3,4]; 4.5 and -1 are outside.
        assertThat(h.counts()).containsExactly(2, 2, 1, 2);
        assertThat(h.total()).isEqualTo(7);
        assertThat(h.binCentre(2)).isEqualTo(2.5);
        assertThat(h.lowerEdge(4)).isEqualTo(4.0);
        Histogram auto = Histogram.of(v, Mask.all(v), 11);
        assertThat(auto.min()).isEqualTo(-1.0);
        assertThat(auto.max()).isEqualTo(4.5);
        assertThat(auto.total()).isEqualTo(9);
    }

    @Test
    void otsuCutsInTheGapBetweenSeparateClusters() {
        Random r = new Random(13);
        float[] d = new float[3000];
        double maxLow = Double.NEGATIVE_INFINITY;
        double minHigh = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (i < 2000 ? 10 + 3 * r.nextGaussian() : 100 + 8 * r.nextGaussian());
            if (i < 2000) {
                maxLow = Math.max(maxLow, d[i]);
            } else {
                minHigh = Math.min(minHigh, d[i]);
            }
        }
        Volume v = new Volume(d.length, 1, 1, d, Affine.identity());
        assertThat(Otsu.threshold(Histogram.of(v, Mask.all(v), 128))).isBetween(maxLow, minHigh);
    }

    @Test
    void otsuMaximisesTheBetweenClassVarianceOfOverlappingClusters() {
        Random r = new Random(14);
        float[] d = new float[3000];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (i < 2000 ? 40 + 10 * r.nextGaussian() : 80 + 10 * r.nextGaussian());
        }
        Volume v = new Volume(d.length, 1, 1, d, Affine.identity());
        double t = Otsu.threshold(Histogram.of(v, Mask.all(v), 256));
        // Brute force on the raw values, every threshold on a fine grid.
        double best = 0;
        for (double c = 0; c <= 120; c += 0.05) {
            best = Math.max(best, betweenClassVariance(d, c));
        }
        assertThat(betweenClassVariance(d, t)).isGreaterThan(0.999 * best);
    }

    private static double betweenClassVariance(float[] d, double t) {
        double s0 = 0;
        double s1 = 0;
        int n0 = 0;
        int n1 = 0;
        for (float f : d) {
            if (f > t) {
                s1 += f;
                n1++;
            } else {
                s0 += f;
                n0++;
            }
        }
        if (n0 == 0 || n1 == 0) {
            return 0;
        }
        double diff = s0 / n0 - s1 / n1;
        return (double) n0 * n1 / ((double) d.length * d.length) * diff * diff;
    }
}
