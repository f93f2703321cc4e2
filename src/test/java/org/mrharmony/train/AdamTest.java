package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.ConstantInitializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

    private static Parameter param(NDManager m, float value) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
            .optShape(new Shape(2)).optInitializer(new ConstantInitializer(value)).build();
        p.initialize(m, DataType.FLOAT32);
        return p;
    }

    /** Loss = sum(w^2) => grad = 2w. Replays torch.optim.Adam's update in doubles. */
    @Test
    void matchesTorchAdamWithWeightDecayOverSeveralSteps() {
        float lr = 0.1f;
        float b1 = 0.5f;
        float b2 = 0.9f;
        float eps = 1e-8f;
        float wd = 0.01f;
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 1f);
            double w = 1;
            double mean = 0;
            double var = 0;
            try (Adam adam = new Adam(List.of(p), lr, b1, b2, eps, wd, m)) {
                for (int t = 1; t <= 4; t++) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(p.getArray().square().sum());
                    }
                    adam.step();
                    double g = 2 * w + wd * w;
                    mean = b1 * mean + (1 - b1) * g;
                    var = b2 * var + (1 - b2) * g * g;
                    double denom = Math.sqrt(var) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
                    w -= lr / (1 - Math.pow(b1, t)) * mean / denom;
                    assertThat((double) p.getArray().toFloatArray()[0]).isCloseTo(w, within(1e-5));
                }
                assertThat(p.getArray().getGradient().toFloatArray()).containsOnly(0f);
            }
        }
    }

    @Test
    void savedStateResumesIdentically() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = param(m, 1f);
            Parameter b = param(m, 1f);
            try (Adam first = new Adam(List.of(a), 0.1f, 0f, 0.99f, 1e-8f, 0f, m);
                 Adam second = new Adam(List.of(b), 0.1f, 0f, 0.99f, 1e-8f, 0f, m)) {
                for (int t = 0; t < 2; t++) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(a.getArray().square().sum());
                    }
                    first.step();
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                first.save(new DataOutputStream(bytes));
                second.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                b.getArray().set(a.getArray().toFloatArray());
                for (Parameter p : List.of(a, b)) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(p.getArray().square().sum());
                    }
                }
                first.step();
                second.step();
                assertThat(b.getArray().toFloatArray()).containsExactly(a.getArray().toFloatArray());
                assertThat(second.steps()).isEqualTo(3);
            }
        }
    }

    @Test
    void emaMovesTowardsLiveWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter live = param(m, 1f);
            Parameter avg = param(m, 0f);
            Ema.update(List.of(live), List.of(avg), 0.9f);
            assertThat(avg.getArray().toFloatArray()[0]).isCloseTo(0.1f, within(1e-7f));
            Ema.copy(List.of(live), List.of(avg));
            assertThat(avg.getArray().toFloatArray()).containsExactly(1f, 1f);
        }
    }

    @Test
    void aNonFiniteGradientSkipsTheUpdate() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 1f);
            try (Adam adam = new Adam(List.of(p), 0.1f, 0f, 0.99f, 1e-8f, 0f, m)) {
                NDArray bad = m.create(new float[] {1f, Float.NaN});
                assertThat(adam.step(List.of(bad))).isFalse();
                assertThat(p.getArray().toFloatArray()).containsExactly(1f, 1f);
                assertThat(adam.steps()).isZero();
                assertThat(adam.step(List.of(m.create(new float[] {1f, 1f})))).isTrue();
                assertThat(adam.steps()).isEqualTo(1);
                assertThat(p.getArray().toFloatArray()[0]).isLessThan(1f);
            }
        }
    }
}
