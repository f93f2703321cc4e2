package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

class WhiteStripeTest {

    static final double WM_MEAN = 110;

    /** T1-like brain: CSF N(30, 8) 15 %, GM N(70, 8) 40 %, WM N(110, 6) 45 %. */
    static double[] mixture(int n, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            v[i] = u < 0.15 ? 30 + 8 * rnd.nextGaussian()
                : u < 0.55 ? 70 + 8 * rnd.nextGaussian()
                : WM_MEAN + 6 * rnd.nextGaussian();
        }
        return v;
    }

    @Test
    void findsTheWhiteMatterPeakOfAThreeTissueMixture() {
        WhiteStripe.Stripe s = WhiteStripe.find(mixture(20_000, 1), 0.05);
        assertThat(s.mode()).isCloseTo(WM_MEAN, within(2.0));
        // The stripe is ±5 % of the voxels around the peak: about a tenth of the brain, all WM-bright.
        assertThat(s.count()).isBetween(1800, 2100);
        assertThat(s.lower()).isGreaterThan(100);
        assertThat(s.upper()).isLessThan(120);
        assertThat(s.stats().location()).isCloseTo(WM_MEAN, within(2.0));
        // The stripe is 10 % of all voxels = the central 22 % of the WM Gaussian, i.e. within
        // ±0.28·6 ≈ ±1.7 of the peak, nearly flat there, so its sd is about 1.7/√3 ≈ 1.
        assertThat(s.stats().scale()).isBetween(0.8, 1.2);
    }

    @Test
    void isInvariantToGlobalScaling() {
        double[] v = mixture(20_000, 2);
        double[] scaled = Arrays.stream(v).map(x -> 3.7 * x).toArray();
        WhiteStripe.Stripe s = WhiteStripe.find(v, 0.05);
        WhiteStripe.Stripe t = WhiteStripe.find(scaled, 0.05);
        assertThat(t.count()).isEqualTo(s.count());
        assertThat(t.mode()).isCloseTo(3.7 * s.mode(), within(1e-9 * t.mode()));
        assertThat(t.stats().location()).isCloseTo(3.7 * s.stats().location(), within(1e-9 * t.stats().location()));
        assertThat(t.stats().scale()).isCloseTo(3.7 * s.stats().scale(), within(1e-9 * t.stats().scale()));
    }

    @Test
    void normalizerMapsAScaledScanOntoTheTargetScale() {
        int n = 30;
        double[] values = mixture(n * n * n, 3);
        boolean[] mask = new boolean[values.length];
        float[] src = new float[values.length];
        float[] tgt = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = i % 7 != 0;
            src[i] = mask[i] ? (float) values[i] : 500f;
            tgt[i] = mask[i] ? (float) (2 * values[i]) : 0f;
        }
        Volume source = new Volume(n, n, n, src, Affine.identity());
        Volume target = new Volume(n, n, n, tgt, Affine.identity());
        WhiteStripeNormalizer ws = WhiteStripeNormalizer.fitToTarget(List.of(new MaskedVolume(target, mask)), 0.05);
        float[] out = ws.apply(source, mask).data();
        for (int i = 0; i < out.length; i++) {
            if (mask[i]) {
                assertThat(out[i]).isCloseTo(tgt[i], within(1e-3f * Math.abs(tgt[i]) + 1e-3f));
            } else {
                assertThat(out[i]).isZero();
            }
        }
        // The unit-scale variant puts the stripe at mean 0, sd 1.
        WhiteStripe.Stripe stripe = ws.stripeOf(source, mask);
        Volume unit = WhiteStripeNormalizer.unitScale(0.05).apply(source, mask);
        double[] inStripe = new double[stripe.count()];
        int k = 0;
        for (int i = 0; i < src.length; i++) {
            if (mask[i] && src[i] > stripe.lower() && src[i] < stripe.upper()) {
                inStripe[k++] = unit.data()[i];
            }
        }
        LocationScale ls = LocationScale.meanAndSd(inStripe);
        assertThat(ls.location()).isCloseTo(0, within(1e-5));
        assertThat(ls.scale()).isCloseTo(1, within(1e-5));
    }

    @Test
    void densityIsExactWhenSamplesSitOnGridPoints() {
        // bw 1, cut 3, min 0, max 13, 20 points: grid -3..16 in steps of 1, so integer samples
        // bin exactly and the estimate equals the direct kernel sum at the grid points.
        double[] samples = {0, 2, 2, 3, 7, 8, 8, 8, 13};
        KernelDensity.Estimate e = KernelDensity.gaussian(samples, 1.0, 20, 3.0);
        for (int i = 0; i < 20; i++) {
            double g = -3 + i;
            assertThat(e.grid()[i]).isCloseTo(g, within(1e-12));
            double direct = 0;
            for (double s : samples) {
                direct += Math.exp(-0.5 * (g - s) * (g - s)) / Math.sqrt(2 * Math.PI);
            }
            assertThat(e.density()[i]).isCloseTo(direct / samples.length, within(1e-12));
        }
    }
}
