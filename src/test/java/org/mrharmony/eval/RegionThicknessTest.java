package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

class RegionThicknessTest {

    @TempDir
    Path tmp;

    @Test
    void regionMeanIsTheHarmonicMeanOfItsMeasuredVoxels() {
        // region 1: thicknesses 2 and 4 (harmonic mean 8/3); region 2: 3, 3, 3 and one unmeasured voxel;
        // region 3: one voxel, below the minimum of 2
        float[] t = {2, 4, 3, 3, 3, 0, 5, 1};
        int[] regions = {1, 1, 2, 2, 2, 2, 3, 0};
        ThicknessMap map = new ThicknessMap(new Volume(8, 1, 1, t, Affine.identity()), 0, 0, 7, 8);
        Map<Integer, Double> means = RegionThickness.means(map, regions, 2);
        assertThat(means).containsOnlyKeys(1, 2);
        assertThat(means.get(1)).isCloseTo(8.0 / 3, Offset.offset(1e-12));
        assertThat(means.get(2)).isCloseTo(3.0, Offset.offset(1e-12));
    }

    @Test
    void meanAbsoluteDifferenceIsOverTheRegionsBothMeasured() {
        Map<Integer, Double> a = Map.of(1, 2.0, 2, 3.0, 5, 9.0);
        Map<Integer, Double> b = Map.of(1, 2.5, 2, 2.0, 7, 1.0);
        assertThat(RegionThickness.meanAbsoluteDifference(a, b)).isCloseTo(0.75, Offset.offset(1e-12));
        assertThat(RegionThickness.meanAbsoluteDifference(Map.of(1, 2.0), Map.of(2, 2.0))).isNaN();
    }

    /**
     * Two cortical slabs along z on a 1 mm grid, 3 GM voxels thick in one label map and 4 in the
     * other; an atlas on a 2 mm grid shifted in world space splits x into two regions. Laplace
     * thickness of a flat slab is its width, so every region is 3 mm in one map and 4 mm in the
     * other: a regional MAE of exactly 1 mm.
     */
    @Test
    void slabsOfKnownWidthGiveKnownRegionalDifferences() throws IOException {
        Volume thin = slab(3);
        Volume thick = slab(4);
        // atlas voxel i is centred at world x = 2i - 0.5; regions 1 for i <= 3, 2 beyond
        Volume atlasLabels = new Volume(6, 5, 9, Affine.of(new double[][] {{2, 0, 0, -0.5}, {0, 2, 0, -0.5},
            {0, 0, 2, -0.5}}));
        for (int k = 0; k < 9; k++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 6; i++) {
                    atlasLabels.set(i, j, k, i <= 3 ? 1 : 2);
                }
            }
        }
        Path file = tmp.resolve("atlas.nii.gz");
        VolumeIO.write(file, atlasLabels);
        Files.writeString(tmp.resolve("atlas.nii.txt"), "1 Left_Thing 2001\n2 Right_Thing 2002\n");
        Atlas atlas = Atlas.read(file);
        int[] regions = atlas.regionsOn(thin.grid());
        // scan voxel x (world x) takes the atlas voxel round((x + 0.5) / 2): 3 at x = 6 (3.25), 4 at x = 7 (3.75)
        assertThat(regions[thin.index(6, 3, 3)]).isEqualTo(1);
        assertThat(regions[thin.index(7, 3, 3)]).isEqualTo(2);
        assertThat(atlas.name(1)).isEqualTo("Left_Thing");
        assertThat(atlas.name(9)).isEqualTo("9");

        CorticalThickness ct = new CorticalThickness();
        Map<Integer, Double> a = RegionThickness.means(ct.measure(thin), regions, RegionThickness.MIN_VOXELS);
        Map<Integer, Double> b = RegionThickness.means(ct.measure(thick), regions, RegionThickness.MIN_VOXELS);
        assertThat(a).containsOnlyKeys(1, 2);
        assertThat(a.get(1)).isCloseTo(3.0, Offset.offset(0.01));
        assertThat(b.get(2)).isCloseTo(4.0, Offset.offset(0.01));
        assertThat(RegionThickness.meanAbsoluteDifference(a, b)).isCloseTo(1.0, Offset.offset(0.02));
    }

    @Test
    void binaryColourTablesAndBadAtlasesAreRefused(@TempDir Path dir) throws IOException {
        Path lut = dir.resolve("x.nii.lut");
        byte[] rgb = new byte[768];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 7);
        }
        Files.write(lut, rgb);
        assertThat(Atlas.readNames(lut)).isEmpty();
        Path intensities = dir.resolve("t1.nii.gz");
        VolumeIO.write(intensities, new Volume(2, 2, 2, new float[] {0, 0.5f, 1, 1, 1, 1, 1, 1}, Affine.identity()));
        assertThatThrownBy(() -> Atlas.read(intensities)).isInstanceOf(IOException.class)
            .hasMessageContaining("t1.nii.gz").hasMessageContaining("not a label atlas");
    }

    /** WM for z < 2, {@code width} GM voxels, CSF above, on a 12 x 6 x 12 grid of 1 mm voxels. */
    private static Volume slab(int width) {
        Volume v = new Volume(12, 6, 12, Affine.identity());
        for (int z = 0; z < 12; z++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 12; x++) {
                    v.set(x, y, z, z < 2 ? TissueLabel.WM : z < 2 + width ? TissueLabel.GM : TissueLabel.CSF);
                }
            }
        }
        return v;
    }
}
