package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class LossesTest {

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    @Test
    void adversarialIsBinaryCrossEntropyWithLogits() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] logits = {-2f, 0f, 1.5f, 3f};
            NDArray x = m.create(logits);
            double real = 0;
            double fake = 0;
            for (float l : logits) {
                real += -Math.log(1 / (1 + Math.exp(-l)));   // -log sigmoid(l)
                fake += -Math.log(1 - 1 / (1 + Math.exp(-l))); // -log(1 - sigmoid(l))
            }
            assertThat(Losses.adversarial(x, true).getFloat()).isCloseTo((float) (real / 4), within(1e-5f));
            assertThat(Losses.adversarial(x, false).getFloat()).isCloseTo((float) (fake / 4), within(1e-5f));
            assertThat((double) Losses.adversarial(x, true).getFloat())
                .isCloseTo((softplus(2) + softplus(0) + softplus(-1.5) + softplus(-3)) / 4, within(1e-5));
        }
    }

    @Test
    void l1IsMeanAbsoluteDifference() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4});
            NDArray b = m.create(new float[] {2, 2, 1, 8});
            assertThat(Losses.l1(a, b).getFloat()).isEqualTo((1 + 0 + 2 + 4) / 4f);
        }
    }

    @Test
    void temporalCoherenceOverlapComparesTheSharedSlices() {
        try (NDManager m = NDManager.newBaseManager()) {
            // batch 1, C=3, 1x2 pixels. Channel c of stack k shows slice k-1+c.
            NDArray k = m.create(new float[] {0, 0, 1, 1, 2, 2}, new Shape(1, 3, 1, 2));
            NDArray next = m.create(new float[] {1, 1, 2, 5, 9, 9}, new Shape(1, 3, 1, 2));
            // shared: k[1]=(1,1) vs next[0]=(1,1) -> 0,0 ; k[2]=(2,2) vs next[1]=(2,5) -> 0,3
            assertThat(Losses.temporalCoherenceOverlap(k, next).getFloat()).isEqualTo(3f / 4f);
        }
    }

    @Test
    void temporalCoherenceDifferenceComparesChanges() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray gk = m.create(new float[] {1, 2}, new Shape(1, 1, 1, 2));
            NDArray gn = m.create(new float[] {2, 5}, new Shape(1, 1, 1, 2));
            NDArray xk = m.create(new float[] {0, 0}, new Shape(1, 1, 1, 2));
            NDArray xn = m.create(new float[] {1, 1}, new Shape(1, 1, 1, 2));
            // (gn-gk) = (1,3); (xn-xk) = (1,1); |diff| = (0,2); mean = 1
            assertThat(Losses.temporalCoherenceDifference(gk, gn, xk, xn).getFloat()).isEqualTo(1f);
        }
    }

    @Test
    void diversityWeightDecaysLinearlyToZero() {
        assertThat(Losses.diversityWeight(1f, 0, 100)).isEqualTo(1f);
        assertThat(Losses.diversityWeight(1f, 25, 100)).isEqualTo(0.75f);
        assertThat(Losses.diversityWeight(2f, 100, 100)).isEqualTo(0f);
        assertThat(Losses.diversityWeight(2f, 150, 100)).isEqualTo(0f);
    }

    /**
     * D(x) = sum_i w_i x_i^2 per sample. dD/dx = 2 w x, so R1 = 0.5 * mean_b sum_i (2 w_i x_bi)^2
     * and dR1/dw_i = mean_b 4 w_i x_bi^2 (the double-backprop gradient).
     */
    @Test
    void r1MatchesHandComputedPenaltyAndItsGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] w = {0.5f, -1f, 2f};
            float[][] x = {{1f, 2f, -1f}, {0.5f, 0f, 3f}};
            NDArray weights = m.create(w);
            weights.setRequiresGradient(true);
            NDArray input = m.create(new float[] {1f, 2f, -1f, 0.5f, 0f, 3f}, new Shape(2, 3));
            input.setRequiresGradient(true);
            double expected = 0;
            double[] expectedGrad = new double[3];
            for (float[] sample : x) {
                for (int i = 0; i < 3; i++) {
                    double g = 2 * w[i] * sample[i];
                    expected += 0.5 * g * g / x.length;
                    expectedGrad[i] += 4 * w[i] * sample[i] * sample[i] / x.length;
                }
            }
            try (InputGradient inputGradient = new InputGradient(m);
                 GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray dOut = input.square().mul(weights).sum(new int[] {1});
                NDArray penalty = Losses.r1(inputGradient, dOut, input);
                assertThat((double) penalty.getFloat()).isCloseTo(expected, within(1e-5));
                // autograd.grad left no gradient on the weights or the input: only R1's own backward counts
                assertThat(weights.getGradient().toFloatArray()).containsOnly(0f);
                gc.backward(penalty);
            }
            float[] grad = weights.getGradient().toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertThat((double) grad[i]).isCloseTo(expectedGrad[i], within(1e-4));
            }
        }
    }

    @Test
    void r1OfAPatchDiscriminatorPenalisesEachSamplesMeanDecision() {
        // dOut[n, j] = w_j * x[n, j]^2 for three regions j: the per-sample mean decision is
        // (1/3) sum_j w_j x_j^2, whose input gradient is (2/3) w_j x_j.
        try (NDManager m = NDManager.newBaseManager()) {
            float[] w = {0.5f, -1f, 2f};
            float[][] x = {{1f, 2f, -1f}, {0.5f, 0f, 3f}};
            NDArray weights = m.create(w);
            NDArray input = m.create(new float[] {1f, 2f, -1f, 0.5f, 0f, 3f}, new Shape(2, 3));
            input.setRequiresGradient(true);
            double expected = 0;
            for (float[] sample : x) {
                for (int i = 0; i < 3; i++) {
                    double g = 2.0 / 3 * w[i] * sample[i];
                    expected += 0.5 * g * g / x.length;
                }
            }
            try (InputGradient inputGradient = new InputGradient(m);
                 GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray dOut = input.square().mul(weights);
                assertThat(dOut.getShape()).isEqualTo(new Shape(2, 3));
                NDArray penalty = Losses.r1(inputGradient, dOut, input);
                assertThat((double) penalty.getFloat()).isCloseTo(expected, within(1e-5));
            }
        }
    }

    /**
     * Site cross-entropy by hand: sample 0 logits (1, 2, 0) site 1, sample 1 logits (0, 0, ln 3)
     * site 0: -log softmax = log(e + e^2 + 1) - 2 and log(1 + 1 + 3) - 0; their mean. With a
     * region axis [N, K, R] (patch discriminator) each region is classified against its sample's
     * site and the regions are averaged.
     */
    @Test
    void siteCrossEntropyMatchesAHandComputedSoftmax() {
        try (NDManager m = NDManager.newBaseManager()) {
            double ln3 = Math.log(3);
            NDArray logits = m.create(new float[] {1f, 2f, 0f, 0f, 0f, (float) ln3}, new Shape(2, 3));
            NDArray y = m.create(new int[] {1, 0});
            double expected = ((Math.log(Math.E + Math.E * Math.E + 1) - 2) + Math.log(5)) / 2;

            assertThat((double) Losses.siteCrossEntropy(logits, y).getFloat()).isCloseTo(expected, within(1e-6));

            // one sample of site 2, two regions: region 0 logits (1, 2, 0), region 1 (0, 0, ln 3)
            NDArray regions = m.create(new float[] {1f, 0f, 2f, 0f, 0f, (float) ln3}, new Shape(1, 3, 2));
            double region0 = Math.log(Math.E + Math.E * Math.E + 1) - 0;
            double region1 = Math.log(5) - ln3;
            assertThat((double) Losses.siteCrossEntropy(regions, m.create(new int[] {2})).getFloat())
                    .isCloseTo((region0 + region1) / 2, within(1e-6));
        }
    }
}
