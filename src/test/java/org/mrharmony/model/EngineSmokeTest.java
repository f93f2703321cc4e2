package org.mrharmony.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The PyTorch engine loads offline from the bundled native library and computes. */
class EngineSmokeTest {

    @Test
    void pytorchEngineComputesOffline() {
        assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray a = m.create(new float[] {1, 2, 3, 4}).reshape(2, 2);
            NDArray p = a.matMul(a);
            assertThat(p.toFloatArray()).containsExactly(7, 10, 15, 22);
        }
    }
}
