package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class CropPadTest {

    private static final float FILL = -7f;
    private final Affine oblique = TestVolumes.orientedAffine(new int[] {1, 0, 2}, new int[] {-1, 1, 1},
        new double[] {0.9, 1.1, 2.5}, 17);
    private final Volume v = TestVolumes.indexEncoded(6, 7, 5, oblique);

    @Test
    void cropKeepsWorldPositions() {
        IndexBox box = IndexBox.fromMinMax(new int[] {1, 2, 0}, new int[] {4, 6, 3});
        Volume c = CropPad.crop(v, box);
        assertThat(c.dims()).containsExactly(4, 5, 4);
        assertWorldPositionsKept(c);
        assertThat(TestVolumes.decode(c.get(0, 0, 0))).containsExactly(1, 2, 0);
    }

    @Test
    void centredPadAndCropInPlane() {
        // Axial plane of 6 x 7 to 9 x 4: x padded by 3 (2 before, 1 after), y cropped by 3 (1 before, 2 after).
        Volume p = CropPad.toInPlaneSize(v, 2, 9, 4, FILL);
        assertThat(p.dims()).containsExactly(9, 4, 5);
        assertThat(IndexBox.centredInPlane(v.grid(), 2, 9, 4))
            .isEqualTo(new IndexBox(new int[] {-2, 1, 0}, new int[] {9, 4, 5}));
        assertThat(TestVolumes.decode(p.get(2, 0, 0))).containsExactly(0, 1, 0);
        for (int z = 0; z < 5; z++) {
            for (int y = 0; y < 4; y++) {
                assertThat(p.get(0, y, z)).isEqualTo(FILL);
                assertThat(p.get(1, y, z)).isEqualTo(FILL);
                assertThat(p.get(8, y, z)).isEqualTo(FILL);
                assertThat(p.get(7, y, z)).isNotEqualTo(FILL);
            }
        }
        assertWorldPositionsKept(p);

        // Sagittal plane (y, z) of 7 x 5 to 7 x 8: z padded by 3, y untouched.
        Volume s = CropPad.toInPlaneSize(v, 0, 7, 8, FILL);
        assertThat(s.dims()).containsExactly(6, 7, 8);
        assertWorldPositionsKept(s);
    }

    @Test
    void restoreUndoesACropOrPad() {
        IndexBox box = new IndexBox(new int[] {-2, 1, 2}, new int[] {5, 9, 2});
        Volume cut = CropPad.extract(v, box, FILL);
        Volume back = CropPad.restore(cut, box, v.grid(), FILL);
        assertThat(back.affine().m()).containsExactly(v.affine().m());
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < v.ny(); y++) {
                for (int x = 0; x < v.nx(); x++) {
                    boolean kept = x <= 2 && y >= 1 && z >= 2 && z <= 3;
                    assertThat(back.get(x, y, z)).isEqualTo(kept ? v.get(x, y, z) : FILL);
                }
            }
        }
        // Pad then crop back is the identity.
        IndexBox pad = IndexBox.of(v.grid()).grow(3);
        Volume roundTrip = CropPad.restore(CropPad.extract(v, pad, FILL), pad, v.grid(), FILL);
        assertThat(roundTrip.data()).containsExactly(v.data());
    }

    @Test
    void rejectsBoxesThatDoNotFit() {
        IndexBox outside = new IndexBox(new int[] {-1, 0, 0}, new int[] {2, 2, 2});
        assertThatThrownBy(() -> CropPad.crop(v, outside)).hasMessageContaining("outside");
        assertThatThrownBy(() -> CropPad.restore(v, outside, v.grid(), 0)).hasMessageContaining("does not match");
        assertThat(outside.clampTo(v.grid())).isEqualTo(new IndexBox(new int[] {0, 0, 0}, new int[] {1, 2, 2}));
    }

    /** Every voxel whose value says it came from source (x, y, z) sits where that source voxel sat. */
    private void assertWorldPositionsKept(Volume out) {
        int checked = 0;
        for (int z = 0; z < out.nz(); z++) {
            for (int y = 0; y < out.ny(); y++) {
                for (int x = 0; x < out.nx(); x++) {
                    if (out.get(x, y, z) == FILL) {
                        continue;
                    }
                    int[] s = TestVolumes.decode(out.get(x, y, z));
                    double[] expected = v.affine().apply(s[0], s[1], s[2]);
                    double[] actual = out.affine().apply(x, y, z);
                    for (int c = 0; c < 3; c++) {
                        assertThat(actual[c]).isCloseTo(expected[c], offset(1e-9));
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }
}
