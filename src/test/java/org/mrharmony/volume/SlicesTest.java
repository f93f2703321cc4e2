package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlicesTest {

    private final Volume v = TestVolumes.indexEncoded(4, 5, 6, Affine.identity());

    @Test
    void slicesHaveTheLowerInPlaneAxisFastest() {
        // Across x: rows of y, z across rows.
        float[] sx = Slices.extract(v, 0, 2);
        assertThat(sx).hasSize(5 * 6);
        for (int z = 0; z < 6; z++) {
            for (int y = 0; y < 5; y++) {
                assertThat(sx[y + 5 * z]).isEqualTo(TestVolumes.encode(2, y, z));
            }
        }
        // Across y: rows of x, z across rows.
        float[] sy = Slices.extract(v, 1, 3);
        for (int z = 0; z < 6; z++) {
            for (int x = 0; x < 4; x++) {
                assertThat(sy[x + 4 * z]).isEqualTo(TestVolumes.encode(x, 3, z));
            }
        }
        // Across z: rows of x, y across rows.
        float[] sz = Slices.extract(v, 2, 5);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 4; x++) {
                assertThat(sz[x + 4 * y]).isEqualTo(TestVolumes.encode(x, y, 5));
            }
        }
        SlicePlane plane = SlicePlane.of(v, 1);
        assertThat(new int[] {plane.widthAxis(), plane.heightAxis(), plane.width(), plane.height(), plane.count()})
            .containsExactly(0, 2, 4, 6, 5);
    }

    @Test
    void insertWritesOnlyThatSlice() {
        for (int axis = 0; axis < 3; axis++) {
            Volume target = v.copy();
            float[] s = Slices.extract(target, axis, 1);
            for (int i = 0; i < s.length; i++) {
                s[i] = -1 - i;
            }
            Slices.insert(target, axis, 1, s);
            assertThat(Slices.extract(target, axis, 1)).containsExactly(s);
            int changed = 0;
            for (int i = 0; i < target.size(); i++) {
                if (target.data()[i] != v.data()[i]) {
                    changed++;
                    int[] xyz = TestVolumes.decode(v.data()[i]);
                    assertThat(xyz[axis]).isEqualTo(1);
                }
            }
            assertThat(changed).isEqualTo(s.length);
        }
    }

    @Test
    void stacksAreCentredAndReplicateEdgeSlices() {
        assertThat(stackIndices(2, 2, 3)).containsExactly(1, 2, 3);
        assertThat(stackIndices(2, 2, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(stackIndices(2, 0, 3)).containsExactly(0, 0, 1);
        assertThat(stackIndices(2, 5, 3)).containsExactly(4, 5, 5);
        assertThat(stackIndices(2, 0, 5)).containsExactly(0, 0, 0, 1, 2);
        assertThat(stackIndices(0, 3, 7)).containsExactly(0, 1, 2, 3, 3, 3, 3);
        assertThat(stackIndices(1, 4, 1)).containsExactly(4);
    }

    @Test
    void flatStackIsChannelMajor() {
        float[][] stack = Slices.stack(v, 1, 0, 3);
        float[] flat = Slices.stackFlat(v, 1, 0, 3);
        int area = 4 * 6;
        assertThat(flat).hasSize(3 * area);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < area; i++) {
                assertThat(flat[c * area + i]).isEqualTo(stack[c][i]);
            }
        }
    }

    @Test
    void rejectsBadRequests() {
        assertThatThrownBy(() -> Slices.extract(v, 2, 6)).hasMessageContaining("outside 0..5");
        assertThatThrownBy(() -> Slices.extract(v, 3, 0)).hasMessageContaining("axis");
        assertThatThrownBy(() -> Slices.stack(v, 2, 1, 4)).hasMessageContaining("odd");
        assertThatThrownBy(() -> Slices.insert(v.copy(), 2, 0, new float[3])).hasMessageContaining("4x5");
    }

    /** The slice index each channel of a stack came from, read from the encoded values. */
    private int[] stackIndices(int axis, int centre, int channels) {
        float[][] stack = Slices.stack(v, axis, centre, channels);
        int[] idx = new int[channels];
        for (int c = 0; c < channels; c++) {
            idx[c] = TestVolumes.decode(stack[c][stack[c].length - 1])[axis];
            // Every value of a channel comes from the same slice.
            for (float value : stack[c]) {
                assertThat(TestVolumes.decode(value)[axis]).isEqualTo(idx[c]);
            }
        }
        return idx;
    }
}
