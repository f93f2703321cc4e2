package org.mrharmony.harmonize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlaneWindowTest {

    private static float[] ramp(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    @Test
    void wholeSliceIsPaddedToMultiplesAndComesBackExactly() {
        PlaneWindow w = PlaneWindow.whole(5, 3, 4);
        assertThat(w.paddedWidth()).isEqualTo(8);
        assertThat(w.paddedHeight()).isEqualTo(4);
        float[] slice = ramp(15);
        float[] plane = new float[w.paddedArea() + 3];
        Arrays.fill(plane, -7f);
        w.pad(slice, plane, 3);
        // Centred: (8 - 5) / 2 = 1 column and (4 - 3) / 2 = 0 rows before the slice.
        assertThat(plane[3 + 1]).isEqualTo(0f);
        assertThat(plane[3 + 8 + 1 + 4]).isEqualTo(slice[5 + 4]);
        assertThat(plane[3]).isEqualTo(-7f);
        assertThat(plane[3 + 3 * 8]).as("the margin row is left alone").isEqualTo(-7f);
        assertThat(w.unpad(plane, 3)).containsExactly(slice);
    }

    @Test
    void windowKeepsItsPartAndMakesTheRestBackground() {
        // A 6x5 slice, window columns 2..4, rows 1..3, factor 2: padded to 4x4.
        PlaneWindow w = PlaneWindow.of(6, 5, 2, 1, 3, 3, 2);
        assertThat(w.windowWidth()).isEqualTo(3);
        assertThat(w.paddedWidth()).isEqualTo(4);
        assertThat(w.paddedHeight()).isEqualTo(4);
        float[] slice = ramp(30);
        float[] plane = new float[w.paddedArea()];
        w.pad(slice, plane, 0);
        float[] back = w.unpad(plane, 0);
        for (int v = 0; v < 5; v++) {
            for (int u = 0; u < 6; u++) {
                boolean inside = u >= 2 && u <= 4 && v >= 1 && v <= 3;
                assertThat(back[v * 6 + u]).as("u %d v %d", u, v).isEqualTo(inside ? slice[v * 6 + u] : -1f);
            }
        }
    }

    @Test
    void windowIsClampedToTheSlice() {
        PlaneWindow w = PlaneWindow.of(10, 8, -3, 5, 20, 20, 4);
        assertThat(w.u0()).isZero();
        assertThat(w.v0()).isEqualTo(5);
        assertThat(w.windowWidth()).isEqualTo(10);
        assertThat(w.windowHeight()).isEqualTo(3);
        assertThat(w.paddedWidth()).isEqualTo(12);
        assertThat(w.paddedHeight()).isEqualTo(4);
        assertThatThrownBy(() -> PlaneWindow.of(10, 8, 12, 0, 3, 3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
