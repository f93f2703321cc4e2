package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

class ZScoreNormalizerTest {

    static final int N = 10;

    /** Random brain values in the mask, 999 outside it (which every normalizer must zero). */
    static Volume brain(long seed, boolean[] mask) {
        Random rnd = new Random(seed);
        float[] d = new float[N * N * N];
        for (int i = 0; i < d.length; i++) {
            d[i] = mask[i] ? (float) (100 + 30 * rnd.nextGaussian()) : 999f;
        }
        return new Volume(N, N, N, d, Affine.identity());
    }

    static boolean[] innerMask() {
        boolean[] m = new boolean[N * N * N];
        for (int z = 1; z < N - 1; z++) {
            for (int y = 1; y < N - 1; y++) {
                for (int x = 1; x < N - 1; x++) {
                    m[x + N * (y + N * z)] = true;
                }
            }
        }
        return m;
    }

    static Volume affine(Volume v, boolean[] mask, double scale, double shift) {
        float[] d = v.data().clone();
        for (int i = 0; i < d.length; i++) {
            if (mask[i]) {
                d[i] = (float) (scale * d[i] + shift);
            }
        }
        return v.withData(d);
    }

    @Test
    void zScoreOfAnAffineTransformIsTheZScoreOfTheOriginal() {
        boolean[] mask = innerMask();
        Volume a = brain(1, mask);
        Volume b = affine(a, mask, 3.5, -20);
        ZScoreNormalizer z = ZScoreNormalizer.unitScale();
        float[] za = z.apply(a, mask).data();
        float[] zb = z.apply(b, mask).data();
        for (int i = 0; i < za.length; i++) {
            assertThat(zb[i]).isCloseTo(za[i], within(1e-4f));
        }
        LocationScale stats = LocationScale.meanAndSd(Masks.values(z.apply(a, mask), mask));
        assertThat(stats.location()).isCloseTo(0, within(1e-6));
        assertThat(stats.scale()).isCloseTo(1, within(1e-6));
    }

    @Test
    void backgroundIsZeroAndInputUntouched() {
        boolean[] mask = innerMask();
        Volume a = brain(2, mask);
        float[] before = a.data().clone();
        Volume out = ZScoreNormalizer.unitScale().apply(a, mask);
        assertThat(a.data()).containsExactly(before);
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) {
                assertThat(out.data()[i]).isZero();
            }
        }
    }

    @Test
    void fittedTargetScaleIsTheAverageOfTheTargetVolumes() {
        // t2 = 3·t1 + 10 has mean 3μ+10 and sd 3σ; the averages are 2μ+5 and 2σ, so t1 maps to
        // z·2σ + 2μ + 5 = 2·t1 + 5.
        boolean[] mask = innerMask();
        Volume t1 = brain(3, mask);
        Volume t2 = affine(t1, mask, 3, 10);
        ZScoreNormalizer z = ZScoreNormalizer.fitToTarget(List.of(new MaskedVolume(t1, mask), new MaskedVolume(t2, mask)));
        float[] out = z.apply(t1, mask).data();
        for (int i = 0; i < out.length; i++) {
            if (mask[i]) {
                assertThat((double) out[i]).isCloseTo(2.0 * t1.data()[i] + 5, within(1e-3));
            }
        }
    }
}
