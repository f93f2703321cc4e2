package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

class PsnrMaeTest {

    /** Integer intensities, so adding 0.5 is exact in float. */
    private static Volume integers(long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[6 * 7 * 8];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextInt(101);
        }
        return new Volume(6, 7, 8, d, Affine.identity());
    }

    private static Volume plus(Volume v, float c) {
        float[] d = v.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] += c;
        }
        return v.withData(d);
    }

    @Test
    void identicalVolumesHaveInfinitePsnrAndZeroError() {
        Volume a = integers(1);
        assertThat(Psnr.of(a, a.copy(), null, 100)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Mae.of(a, a.copy(), null)).isZero();
    }

    @Test
    void constantOffsetGivesMaeCAndPsnrTwentyLogRoverC() {
        Volume a = integers(2);
        Volume b = plus(a, 0.5f);
        assertThat(Mae.of(a, b, null)).isCloseTo(0.5, within(1e-12));
        assertThat(Psnr.of(a, b, null, 100)).isCloseTo(20 * Math.log10(100 / 0.5), within(1e-9));
    }

    @Test
    void maskRestrictsTheAverage() {
        Volume a = integers(3);
        Volume b = a.copy();
        boolean[] mask = new boolean[a.size()];
        // Errors of 4 inside the mask (every other voxel), of 100 outside it.
        for (int i = 0; i < mask.length; i++) {
            mask[i] = i % 2 == 0;
            b.data()[i] += mask[i] ? 4 : 100;
        }
        assertThat(Mae.of(a, b, mask)).isCloseTo(4, within(1e-12));
        assertThat(Psnr.of(a, b, mask, 40)).isCloseTo(20, within(1e-9)); // 10·log10(1600/16)
    }

    @Test
    void defaultDataRangeIsTheReferenceRangeInsideTheMask() {
        Volume a = integers(4);
        Volume b = plus(a, 2f);
        b.data()[0] = -1000; // outside the mask below, so it must not count
        boolean[] mask = new boolean[a.size()];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < mask.length; i++) {
            mask[i] = true;
            min = Math.min(min, b.data()[i]);
            max = Math.max(max, b.data()[i]);
        }
        double range = max - min;
        assertThat(DataRange.ofReference(b, mask)).isEqualTo(range);
        SimilarityScores s = SimilarityScores.compare(a, b, mask, null);
        assertThat(s.mae()).isCloseTo(2, within(1e-12));
        assertThat(s.psnr()).isCloseTo(20 * Math.log10(range / 2), within(1e-9));
        assertThat(s.ssim()).isCloseTo(Ssim.mean(a, b, mask, range), within(1e-15));
    }
}
