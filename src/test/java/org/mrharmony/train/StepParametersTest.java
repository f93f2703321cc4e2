package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepParametersTest {

    private static Parameter param(NDManager m, float value) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
            .optShape(new Shape(2)).optInitializer(new ConstantInitializer(value)).build();
        p.initialize(m, DataType.FLOAT32);
        return p;
    }

    @Test
    void gradientsLandOnTheStepViewsNotOnTheWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 3f);
            try (NDManager step = m.newSubManager()) {
                StepParameters store = new StepParameters(step, true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray w = store.getValue(p, Device.cpu(), true);
                    gc.backward(w.square().sum());
                }
                assertThat(store.gradients(List.of(p)).get(0).toFloatArray()).containsExactly(6f, 6f);
            }
            assertThat(p.getArray().getGradient().toFloatArray()).containsExactly(0f, 0f);
        }
    }

    @Test
    void viewsShareStorageWithTheWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 3f);
            try (NDManager step = m.newSubManager()) {
                NDArray w = new StepParameters(step, true).getValue(p, Device.cpu(), true);
                p.getArray().subi(1f);
                assertThat(w.toFloatArray()).containsExactly(2f, 2f);
            }
        }
    }

    /** R1 through a step view: D(x) = sum w x^2; dR1/dw_i = mean_b 4 w_i x_bi^2 reaches the view. */
    @Test
    void doubleBackpropReachesTheViews() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = param(m, 0.5f);
            try (NDManager step = m.newSubManager()) {
                StepParameters store = new StepParameters(step, true);
                NDArray x = step.create(new float[] {1f, 2f, -1f, 3f}, new Shape(2, 2));
                x.setRequiresGradient(true);
                NDArray w = store.getValue(p, Device.cpu(), true);
                try (InputGradient inputGradient = new InputGradient(m);
                     GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray d = x.square().mul(w).sum(new int[] {1});
                    gc.backward(Losses.r1(inputGradient, d, x));
                }
                float[] g = store.gradients(List.of(p)).get(0).toFloatArray();
                // mean over b of 4 * 0.5 * x^2: column 0 -> (1 + 1)/2 * 2 = 2 ; column 1 -> (4 + 9)/2 * 2 = 13
                assertThat(g[0]).isCloseTo(2f, within(1e-5f));
                assertThat(g[1]).isCloseTo(13f, within(1e-5f));
            }
        }
    }
}
