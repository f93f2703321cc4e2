package org.mrharmony.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SmoothRandomFieldTest {

    private static final int[] DIMS = {40, 30, 20};
    private static final double[] VOXEL = {2, 2, 3};

    /** Correlation of the field with itself shifted by {@code shift} voxels along x. */
    private static double correlationAlongX(float[] f, int shift) {
        double s = 0;
        int n = 0;
        for (int z = 0; z < DIMS[2]; z++) {
            for (int y = 0; y < DIMS[1]; y++) {
                for (int x = 0; x + shift < DIMS[0]; x++) {
                    int i = x + DIMS[0] * (y + DIMS[1] * z);
                    s += f[i] * f[i + shift];
                    n++;
                }
            }
        }
        return s / n;
    }

    @Test
    void hasZeroMeanUnitRmsAndNoDetailFinerThanTheControlSpacing() {
        float[] f = SmoothRandomField.generate(DIMS, VOXEL, 24, new SplittableRandom(3));
        double sum = 0;
        double sq = 0;
        for (float v : f) {
            sum += v;
            sq += v * v;
        }
        assertThat(sum / f.length).isCloseTo(0, Offset.offset(1e-5));
        assertThat(Math.sqrt(sq / f.length)).isCloseTo(1, Offset.offset(1e-5));
        // One voxel (2 mm) apart the field barely changes; a few control spacings apart it is unrelated.
        assertThat(correlationAlongX(f, 1)).isGreaterThan(0.95);
        assertThat(Math.abs(correlationAlongX(f, 30))).isLessThan(0.5);
    }

    @Test
    void sameRandomStateSameField() {
        assertThat(SmoothRandomField.generate(DIMS, VOXEL, 24, new SplittableRandom(8)))
            .isEqualTo(SmoothRandomField.generate(DIMS, VOXEL, 24, new SplittableRandom(8)))
            .isNotEqualTo(SmoothRandomField.generate(DIMS, VOXEL, 24, new SplittableRandom(9)));
    }
}
