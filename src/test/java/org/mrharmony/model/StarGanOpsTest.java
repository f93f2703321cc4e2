package org.mrharmony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The functional ops against values worked out by hand. */
class StarGanOpsTest {

    private static final float EPS = StarGanOps.INSTANCE_NORM_EPS;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** One sample, two channels of 2x2: {1,2,3,4} and {10,10,10,14}. */
    private NDArray twoPlanes() {
        return manager.create(new float[] {1, 2, 3, 4, 10, 10, 10, 14}, new Shape(1, 2, 2, 2));
    }

    @Test
    void instanceNormCentresAndScalesEachPlane() {
        // Plane 1: mean 2.5, biased variance (2.25+0.25+0.25+2.25)/4 = 1.25.
        // Plane 2: mean 11, biased variance (1+1+1+9)/4 = 3.
        float s1 = (float) Math.sqrt(1.25 + EPS);
        float s2 = (float) Math.sqrt(3 + EPS);
        float[] expected = {-1.5f / s1, -0.5f / s1, 0.5f / s1, 1.5f / s1, -1 / s2, -1 / s2, -1 / s2, 3 / s2};

        float[] actual = StarGanOps.instanceNorm(twoPlanes(), EPS).toFloatArray();

        assertThat(actual).containsExactly(expected, within(1e-6f));
    }

    @Test
    void affineInstanceNormScalesAndShiftsPerChannel() {
        NDArray gamma = manager.create(new float[] {2, -1});
        NDArray beta = manager.create(new float[] {0.5f, 3});
        float s1 = (float) Math.sqrt(1.25 + EPS);
        float s2 = (float) Math.sqrt(3 + EPS);

        float[] actual = StarGanOps.instanceNorm(twoPlanes(), gamma, beta, EPS).toFloatArray();

        assertThat(actual[0]).isCloseTo(2 * (-1.5f / s1) + 0.5f, within(1e-6f));
        assertThat(actual[3]).isCloseTo(2 * (1.5f / s1) + 0.5f, within(1e-6f));
        assertThat(actual[4]).isCloseTo(-1 * (-1 / s2) + 3, within(1e-6f));
        assertThat(actual[7]).isCloseTo(-1 * (3 / s2) + 3, within(1e-6f));
    }

    @Test
    void adaInTakesGammaFromTheFirstHalfAndBetaFromTheSecond() {
        // styleAffine = [gamma1, gamma2, beta1, beta2] = [1, -0.5, 10, -2]
        NDArray affine = manager.create(new float[] {1, -0.5f, 10, -2}, new Shape(1, 4));
        float s1 = (float) Math.sqrt(1.25 + EPS);
        float s2 = (float) Math.sqrt(3 + EPS);

        float[] actual = StarGanOps.adaIn(twoPlanes(), affine, EPS).toFloatArray();

        // channel 1: (1 + 1) * norm + 10; channel 2: (1 - 0.5) * norm - 2
        assertThat(actual[0]).isCloseTo(2 * (-1.5f / s1) + 10, within(1e-5f));
        assertThat(actual[2]).isCloseTo(2 * (0.5f / s1) + 10, within(1e-5f));
        assertThat(actual[5]).isCloseTo(0.5f * (-1 / s2) - 2, within(1e-5f));
        assertThat(actual[7]).isCloseTo(0.5f * (3 / s2) - 2, within(1e-5f));
    }

    @Test
    void adaInRejectsAStyleOfTheWrongWidth() {
        NDArray affine = manager.create(new float[] {1, 2, 3}, new Shape(1, 3));

        assertThatThrownBy(() -> StarGanOps.adaIn(twoPlanes(), affine, EPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2*C = 4");
    }

    @Test
    void residualSumDividesBySqrtTwo() {
        NDArray a = manager.create(new float[] {1, -2, 0.5f});
        NDArray b = manager.create(new float[] {1, 4, 0.5f});

        float[] actual = StarGanOps.residualSum(a, b).toFloatArray();

        float r = (float) Math.sqrt(2);
        assertThat(actual).containsExactly(new float[] {2 / r, 2 / r, 1 / r}, within(1e-6f));
    }

    @Test
    void averagePoolingAveragesTwoByTwoWindows() {
        // 4x4 of 0..15: top-left window {0,1,4,5} -> 2.5
        NDArray x = manager.arange(16f).reshape(1, 1, 4, 4);

        float[] actual = StarGanOps.avgPool2(x).toFloatArray();

        assertThat(actual).containsExactly(2.5f, 4.5f, 10.5f, 12.5f);
    }

    @Test
    void nearestUpsamplingCopiesEachPixelIntoATwoByTwoBlock() {
        NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));

        NDArray up = StarGanOps.upsampleNearest2(x);

        assertThat(up.getShape()).isEqualTo(new Shape(1, 1, 4, 4));
        assertThat(up.toFloatArray()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
    }

    @Test
    void leakyReluKeepsPositivesAndScalesNegativesByPointTwo() {
        NDArray x = manager.create(new float[] {-5, 0, 3});

        assertThat(StarGanOps.leakyRelu(x).toFloatArray()).containsExactly(new float[] {-1, 0, 3}, within(1e-6f));
    }

    @Test
    void selectDomainPicksEachSamplesOwnHead() {
        // [N=3, K=2, S=2]: sample i head k holds (10i + k, 10i + k + 0.5)
        float[] values = new float[12];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                values[4 * i + 2 * k] = 10 * i + k;
                values[4 * i + 2 * k + 1] = 10 * i + k + 0.5f;
            }
        }
        NDArray perDomain = manager.create(values, new Shape(3, 2, 2));
        NDArray y = manager.create(new int[] {1, 0, 1});

        NDArray picked = StarGanOps.selectDomain(perDomain, y);

        assertThat(picked.getShape()).isEqualTo(new Shape(3, 2));
        assertThat(picked.toFloatArray()).containsExactly(1, 1.5f, 10, 10.5f, 21, 21.5f);
    }

    @Test
    void selectDomainWorksOnPlainLogits() {
        NDArray logits = manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
        NDArray y = manager.create(new long[] {2, 0});

        assertThat(StarGanOps.selectDomain(logits, y).toFloatArray()).containsExactly(3, 4);
    }

    @Test
    void selectDomainRejectsAnIndexOutOfRange() {
        NDArray logits = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
        NDArray y = manager.create(new int[] {0, 2});

        assertThatThrownBy(() -> StarGanOps.selectDomain(logits, y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("domain index 2 out of range [0, 2)");
    }
}
