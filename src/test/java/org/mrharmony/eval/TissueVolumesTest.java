package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

class TissueVolumesTest {

    /** A 10x4x5 grid: 10 CSF, 20 GM, 30 WM voxels, the rest background. */
    private static Volume labels(Affine affine) {
        Volume v = new Volume(10, 4, 5, affine);
        float[] d = v.data();
        for (int i = 0; i < 10; i++) {
            d[i] = TissueLabel.CSF;
        }
        for (int i = 10; i < 30; i++) {
            d[i] = TissueLabel.GM;
        }
        for (int i = 30; i < 60; i++) {
            d[i] = TissueLabel.WM;
        }
        return v;
    }

    @Test
    void volumesAreVoxelCountsTimesTheVoxelVolume() {
        // 2 x 1.5 x 0.5 mm = 1.5 mm^3 = 0.0015 mL per voxel
        TissueVolumes v = TissueVolumes.of(labels(Affine.diagonal(2, 1.5, 0.5)));
        assertThat(v.csfMl()).isCloseTo(0.015, Offset.offset(1e-12));
        assertThat(v.gmMl()).isCloseTo(0.030, Offset.offset(1e-12));
        assertThat(v.wmMl()).isCloseTo(0.045, Offset.offset(1e-12));
    }

    @Test
    void aRotatedAndFlippedGridHasTheSameVoxelVolume() {
        // axes permuted and one flipped, 2 x 1.5 x 0.5 mm voxels: still 1.5 mm^3
        Affine rotated = Affine.of(new double[][] {{0, -1.5, 0, 10}, {2, 0, 0, -3}, {0, 0, 0.5, 7}});
        TissueVolumes v = TissueVolumes.of(labels(rotated));
        assertThat(v.gmMl()).isCloseTo(0.030, Offset.offset(1e-12));
    }

    @Test
    void meanRelativeDifferenceAveragesTheThreeTissues() {
        TissueVolumes reference = new TissueVolumes(100, 200, 400);
        TissueVolumes other = new TissueVolumes(110, 180, 400); // +10 %, -10 %, 0 %
        assertThat(other.meanAbsRelativeDifferencePct(reference)).isCloseTo(20.0 / 3, Offset.offset(1e-12));
        assertThat(reference.meanAbsRelativeDifferencePct(reference)).isZero();
        assertThat(other.meanAbsRelativeDifferencePct(new TissueVolumes(0, 200, 400))).isNaN();
    }
}
