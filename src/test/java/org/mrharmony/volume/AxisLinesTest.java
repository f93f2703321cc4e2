package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AxisLinesTest {

    @Test
    void everyElementLiesOnExactlyOneLineOfEachAxis() {
        int nx = 4;
        int ny = 3;
        int nz = 2;
        for (int axis = 0; axis < 3; axis++) {
            int[] seen = new int[nx * ny * nz];
            int[] lines = {0};
            int expectedLength = new int[] {nx, ny, nz}[axis];
            int expectedStep = new int[] {1, nx, nx * ny}[axis];
            AxisLines.forEach(nx, ny, nz, axis, (start, step, length) -> {
                assertThat(step).isEqualTo(expectedStep);
                assertThat(length).isEqualTo(expectedLength);
                for (int k = 0; k < length; k++) {
                    seen[start + k * step]++;
                }
                lines[0]++;
            });
            assertThat(seen).as("axis %d", axis).containsOnly(1);
            assertThat(lines[0]).isEqualTo(nx * ny * nz / expectedLength);
        }
    }
}
