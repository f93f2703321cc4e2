package org.mrharmony.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisplaySlicesTest {

    private final Volume ras = TestVolumes.indexEncoded(5, 6, 7, Affine.diagonal(2, 2, 2));

    @Test
    void axialHasLeftOnTheLeftAndAnteriorAtTheTop() {
        Image2D img = DisplaySlices.render(ras, DisplayPlane.AXIAL, 3, 2.0);
        assertThat(new int[] {img.width(), img.height()}).containsExactly(5, 6);
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 5; c++) {
                assertThat(img.get(c, r)).isEqualTo(TestVolumes.encode(c, 5 - r, 3));
            }
        }
    }

    @Test
    void coronalHasLeftOnTheLeftAndSuperiorAtTheTop() {
        Image2D img = DisplaySlices.render(ras, DisplayPlane.CORONAL, 2, 2.0);
        assertThat(new int[] {img.width(), img.height()}).containsExactly(5, 7);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 5; c++) {
                assertThat(img.get(c, r)).isEqualTo(TestVolumes.encode(c, 2, 6 - r));
            }
        }
    }

    @Test
    void sagittalHasAnteriorOnTheLeftAndSuperiorAtTheTop() {
        Image2D img = DisplaySlices.render(ras, DisplayPlane.SAGITTAL, 4, 2.0);
        assertThat(new int[] {img.width(), img.height()}).containsExactly(6, 7);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 6; c++) {
                assertThat(img.get(c, r)).isEqualTo(TestVolumes.encode(4, 5 - c, 6 - r));
            }
        }
    }

    @Test
    void anisotropicVoxelsKeepTheirPhysicalAspect() {
        // 1 x 1 x 2.5 mm voxels shown with 1 mm pixels: 4 slices of 2.5 mm are 10 rows.
        Volume v = new Volume(6, 8, 4, Affine.diagonal(1, 1, 2.5));
        for (int z = 0; z < 4; z++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 6; x++) {
                    v.set(x, y, z, z);
                }
            }
        }
        Image2D coronal = DisplaySlices.render(v, DisplayPlane.CORONAL, 4, 1.0);
        assertThat(new int[] {coronal.width(), coronal.height()}).containsExactly(6, 10);
        // Top row is the top half of the superior slice (edge value), bottom row the inferior one.
        assertThat(coronal.get(0, 0)).isEqualTo(3f);
        assertThat(coronal.get(0, 9)).isEqualTo(0f);
        // Rows in between interpolate linearly and decrease downwards.
        for (int r = 1; r < 10; r++) {
            assertThat(coronal.get(2, r)).isLessThanOrEqualTo(coronal.get(2, r - 1));
        }
        assertThat(DisplaySlices.finestVoxelSize(v)).isEqualTo(1.0);
        assertThat(DisplaySlices.sliceAt(v, DisplayPlane.AXIAL, 0.5)).isEqualTo(2);
        assertThat(DisplaySlices.sliceAt(v, DisplayPlane.AXIAL, 1.0)).isEqualTo(3);
    }

    @Test
    void refusesVolumesNotInRas() {
        Volume lps = new Volume(3, 3, 3, Affine.diagonal(-1, -1, 1));
        assertThatThrownBy(() -> DisplaySlices.render(lps, DisplayPlane.AXIAL, 1, 1))
            .hasMessageContaining("LPS");
        assertThatThrownBy(() -> DisplaySlices.render(ras, DisplayPlane.AXIAL, 7, 1))
            .hasMessageContaining("outside");
    }
}
