package org.mrharmony.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @Test
    void cpuByName() {
        assertThat(Devices.parse("cpu")).isEqualTo(Device.cpu());
        assertThat(Devices.parse(" CPU ")).isEqualTo(Device.cpu());
    }

    @Test
    void unknownNameIsRejected() {
        assertThatThrownBy(() -> Devices.parse("tpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown device 'tpu' (use cpu, gpu or gpuN)");
    }

    @Test
    void aGpuThatIsNotThereIsRejected() {
        assertThatThrownBy(() -> Devices.parse("gpu99"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("device 'gpu99' not available");
    }
}
