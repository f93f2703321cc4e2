package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReorientTest {

    private static final double[] SIZES = {1.5, 0.8, 3};

    @Test
    void allFortyEightOrientationsBecomeRasWithWorldPositionsKept() {
        int checked = 0;
        for (int[] p : TestVolumes.permutations()) {
            for (int signs = 0; signs < 8; signs++) {
                int[] s = signs(signs);
                Affine affine = TestVolumes.orientedAffine(p, s, SIZES, 12);
                Volume source = TestVolumes.indexEncoded(3, 4, 5, affine);

                Reoriented r = Reorient.toCanonical(source);
                Volume ras = r.volume();

                assertThat(Orientation.of(ras.affine()).code()).isEqualTo("RAS");
                // World axis w has the size of the source axis running along it.
                for (int w = 0; w < 3; w++) {
                    int v = indexOf(p, w);
                    assertThat(ras.dim(w)).isEqualTo(source.dim(v));
                    assertThat(ras.voxelSizes()[w]).isCloseTo(SIZES[v], offset(1e-12));
                }
                Set<Float> seen = new HashSet<>();
                for (int z = 0; z < ras.nz(); z++) {
                    for (int y = 0; y < ras.ny(); y++) {
                        for (int x = 0; x < ras.nx(); x++) {
                            float value = ras.get(x, y, z);
                            int[] from = TestVolumes.decode(value);
                            double[] expected = affine.apply(from[0], from[1], from[2]);
                            double[] actual = ras.affine().apply(x, y, z);
                            for (int c = 0; c < 3; c++) {
                                assertThat(actual[c]).isCloseTo(expected[c], offset(1e-9));
                            }
                            seen.add(value);
                        }
                    }
                }
                assertThat(seen).hasSize(source.size());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(48);
    }

    @Test
    void undoIsBitIdenticalForAllFortyEightOrientations() {
        int checked = 0;
        for (int[] p : TestVolumes.permutations()) {
            for (int signs = 0; signs < 8; signs++) {
                Affine affine = TestVolumes.orientedAffine(p, signs(signs), SIZES, 33);
                Volume source = TestVolumes.random(4, 3, 5, affine, 31L * signs + p[0]);
                // Values whose bits a careless copy could change.
                source.data()[0] = -0.0f;
                source.data()[1] = Float.intBitsToFloat(0x7fc01234); // a NaN with payload
                source.data()[2] = Float.MIN_VALUE;
                float[] before = source.data().clone();

                Volume back = Reorient.undo(Reorient.toCanonical(source));

                assertThat(rawBits(back.data())).containsExactly(rawBits(before));
                assertThat(back.dims()).containsExactly(source.dims());
                assertThat(back.affine().m()).containsExactly(affine.m());
                assertThat(rawBits(source.data())).as("input untouched").containsExactly(rawBits(before));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(48);
    }

    @Test
    void canonicalInputIsCopiedUnchanged() {
        Volume ras = TestVolumes.random(3, 4, 5, Affine.diagonal(1, 2, 3), 7);
        Reoriented r = Reorient.toCanonical(ras);
        assertThat(r.transform().isIdentity()).isTrue();
        assertThat(r.volume().data()).containsExactly(ras.data()).isNotSameAs(ras.data());
        assertThat(r.volume().affine()).isEqualTo(ras.affine());
    }

    @Test
    void undoAppliesToAnyVolumeOnTheCanonicalGrid() {
        Affine lps = Affine.of(new double[][] {{-1, 0, 0, 10}, {0, -1, 0, 20}, {0, 0, 2, -5}});
        Volume source = TestVolumes.indexEncoded(3, 4, 5, lps);
        Reoriented r = Reorient.toCanonical(source);
        // A result computed on the canonical grid (here: every voxel doubled) goes back voxel for voxel.
        float[] doubled = r.volume().data().clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        Volume back = Reorient.undo(r.volume().withData(doubled), r.transform());
        for (int i = 0; i < back.size(); i++) {
            assertThat(back.data()[i]).isEqualTo(2 * source.data()[i]);
        }
        Volume wrongSize = new Volume(5, 4, 3, Affine.identity());
        assertThatThrownBy(() -> Reorient.undo(wrongSize, r.transform())).hasMessageContaining("expected 3x4x5");
    }

    private static int[] signs(int bits) {
        return new int[] {(bits & 1) == 0 ? 1 : -1, (bits & 2) == 0 ? 1 : -1, (bits & 4) == 0 ? 1 : -1};
    }

    private static int indexOf(int[] a, int value) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == value) {
                return i;
            }
        }
        throw new AssertionError(value);
    }

    private static int[] rawBits(float[] d) {
        int[] bits = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            bits[i] = Float.floatToRawIntBits(d[i]);
        }
        return bits;
    }
}
