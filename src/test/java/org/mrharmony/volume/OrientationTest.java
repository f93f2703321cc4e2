package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrientationTest {

    @Test
    void codesOfKnownAffines() {
        assertThat(Orientation.of(Affine.identity()).code()).isEqualTo("RAS");
        assertThat(Orientation.of(Affine.diagonal(-1, -1, 1)).code()).isEqualTo("LPS");
        assertThat(Orientation.of(Affine.diagonal(-0.9, 1.2, -3)).code()).isEqualTo("LAI");
        // FreeSurfer's conformed space: i to the left, j downwards, k to the front.
        Affine lia = Affine.of(new double[][] {{-1, 0, 0, 128}, {0, 0, 1, -128}, {0, -1, 0, 128}});
        assertThat(Orientation.of(lia).code()).isEqualTo("LIA");
        // A sagittal acquisition stored slice-last: i anterior-to-posterior, j superior-to-inferior, k left-to-right.
        Affine psr = Affine.of(new double[][] {{0, 0, 1.2, 0}, {-1, 0, 0, 0}, {0, -1, 0, 0}});
        assertThat(Orientation.of(psr).code()).isEqualTo("PIR");
    }

    @Test
    void obliqueAffinesTakeTheClosestAxes() {
        // 20 degrees about z: still mostly RAS.
        double[][] r20 = TestVolumes.rotation(new double[] {0, 0, 1}, Math.toRadians(20));
        assertThat(Orientation.of(fromRotation(r20, 2.0)).code()).isEqualTo("RAS");
        // 70 degrees about z: i now runs mostly anterior, j mostly to the left.
        double[][] r70 = TestVolumes.rotation(new double[] {0, 0, 1}, Math.toRadians(70));
        assertThat(Orientation.of(fromRotation(r70, 0.7)).code()).isEqualTo("ALS");
    }

    @Test
    void shearAndVoxelSizeDoNotChangeTheAnswer() {
        // Columns (2, 0, 0), (0.9, -3, 0), (0, 0, 0.5): j is sheared towards x but runs posterior.
        Affine sheared = Affine.of(new double[][] {{2, 0.9, 0, 0}, {0, -3, 0, 0}, {0, 0, 0.5, 0}});
        assertThat(Orientation.of(sheared).code()).isEqualTo("RPS");
    }

    @Test
    void everySignedPermutationGivesItsCode() {
        String positive = "RAS";
        String negative = "LPI";
        int count = 0;
        for (int[] p : TestVolumes.permutations()) {
            for (int signs = 0; signs < 8; signs++) {
                int[] s = {(signs & 1) == 0 ? 1 : -1, (signs & 2) == 0 ? 1 : -1, (signs & 4) == 0 ? 1 : -1};
                StringBuilder expected = new StringBuilder();
                for (int v = 0; v < 3; v++) {
                    expected.append((s[v] > 0 ? positive : negative).charAt(p[v]));
                }
                Affine a = TestVolumes.orientedAffine(p, s, new double[] {1.5, 0.8, 3}, 12);
                assertThat(Orientation.of(a).code()).isEqualTo(expected.toString());
                assertThat(Orientation.fromCode(expected.toString().toLowerCase()).code()).isEqualTo(expected.toString());
                count++;
            }
        }
        assertThat(count).isEqualTo(48);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Orientation.fromCode("RAR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Orientation.fromCode("RAX")).hasMessageContaining("X");
        assertThatThrownBy(() -> Orientation.of(Affine.diagonal(1, 0, 1))).hasMessageContaining("zero column");
        Affine flat = Affine.of(new double[][] {{1, 1, 0, 0}, {1, 1, 0, 0}, {0, 0, 1, 0}});
        assertThatThrownBy(() -> Orientation.of(flat)).hasMessageContaining("singular");
    }

    private static Affine fromRotation(double[][] r, double size) {
        double[][] rows = new double[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = r[i][j] * size;
            }
        }
        return Affine.of(rows);
    }
}
