package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

class NyulNormalizerTest {

    /** 1001 brain voxels (so every landmark percentile is an exact order statistic) + 99 background. */
    static final int BRAIN = 1001;
    static final int SIZE = 1100;

    static boolean[] mask() {
        boolean[] m = new boolean[SIZE];
        for (int i = 0; i < BRAIN; i++) {
            m[i] = true;
        }
        return m;
    }

    /** Brain voxels hold f(0), f(1), …, f(1000) in shuffled order; background 7777. */
    static Volume volume(DoubleUnaryOperator f, long seed) {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < BRAIN; i++) {
            ranks.add(i);
        }
        Collections.shuffle(ranks, new Random(seed));
        float[] d = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            d[i] = i < BRAIN ? (float) f.applyAsDouble(ranks.get(i)) : 7777f;
        }
        return new Volume(SIZE, 1, 1, d, Affine.identity());
    }

    @Test
    void standardScaleByHand() {
        // Values 0..1000: the p-th percentile is 10p, so p1 = 10, p99 = 990 and landmark p maps to
        // 1 + 99·(10p − 10)/980 on [1, 100]. A second volume 2v + 5 maps to the same points.
        double[] p = NyulNormalizer.DEFAULT_PERCENTILES;
        boolean[] m = mask();
        Volume v = volume(r -> r, 1);
        Volume w = volume(r -> 2 * r + 5, 2);
        NyulNormalizer nyul = NyulNormalizer.fit(List.of(new MaskedVolume(v, m), new MaskedVolume(w, m)), p, 1, 100);
        double[] s = nyul.standardScale();
        for (int i = 0; i < p.length; i++) {
            assertThat(s[i]).isCloseTo(1 + 99 * (10 * p[i] - 10) / 980, within(1e-9));
        }
    }

    @Test
    void mapsAPiecewiseLinearlyDistortedScanBackOntoTheTargetLandmarks() {
        boolean[] m = mask();
        // Target values r²/100: its landmarks are (10p)²/100 = p², and, fitted on this one volume,
        // the standard scale is exactly those (s1, s2 = its own p1, p99).
        Volume target = volume(r -> r * r / 100.0, 3);
        NyulNormalizer nyul = NyulNormalizer.fitToTarget(List.of(new MaskedVolume(target, m)));
        double[] p = nyul.percentiles();
        for (int i = 0; i < p.length; i++) {
            assertThat(nyul.standardScale()[i]).isCloseTo(p[i] * p[i], within(1e-9));
        }
        // Source: the target under a monotone piecewise-linear distortion with a kink at 3000.
        DoubleUnaryOperator f = x -> x < 3000 ? 2 * x + 10 : 0.5 * (x - 3000) + 6010;
        Volume source = volume(r -> f.applyAsDouble(r * r / 100.0), 4);
        double[] sourceLandmarks = nyul.landmarks(source, m);
        PiecewiseLinear map = nyul.mappingFor(source, m);
        for (int i = 0; i < p.length; i++) {
            assertThat(sourceLandmarks[i]).isCloseTo(f.applyAsDouble(p[i] * p[i]), within(1e-2));
            assertThat(map.apply(sourceLandmarks[i])).isCloseTo(p[i] * p[i], within(1e-9));
        }
        Volume out = nyul.apply(source, m);
        double[] outLandmarks = nyul.landmarks(out, m);
        for (int i = 0; i < p.length; i++) {
            assertThat(outLandmarks[i]).isCloseTo(p[i] * p[i], within(1e-3 * Math.max(1, p[i] * p[i])));
        }
        for (int i = BRAIN; i < SIZE; i++) {
            assertThat(out.data()[i]).isZero();
        }
    }

    @Test
    void extrapolatesBeyondTheOuterLandmarksWithTheEndSegments() {
        boolean[] m = mask();
        // Source 0..1000: landmarks 10, 100, …, 900, 990. Standard scale from target 3r: 30, 300, …, 2970.
        Volume target = volume(r -> 3 * r, 5);
        Volume source = volume(r -> r, 6);
        NyulNormalizer nyul = NyulNormalizer.fitToTarget(List.of(new MaskedVolume(target, m)));
        Volume out = nyul.apply(source, m);
        // Every segment has slope 3, so values below p1 and above p99 continue that line: 0 -> 0, 1000 -> 3000.
        for (int i = 0; i < BRAIN; i++) {
            assertThat(out.data()[i]).isCloseTo(3 * source.data()[i], within(1e-3f));
        }
    }
}
