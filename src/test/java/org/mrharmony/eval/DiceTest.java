package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

class DiceTest {

    @Test
    void countsOverlapOfOneLabel() {
        // GM in a: voxels 0,1,2 ; GM in b: 1,2,3,4 -> overlap 2, Dice = 4 / 7
        Volume a = labels(2, 2, 2, 3, 1, 0, 0, 0);
        Volume b = labels(0, 2, 2, 2, 2, 0, 0, 0);
        assertThat(Dice.of(a, b, TissueLabel.GM)).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(Dice.of(a, a, TissueLabel.GM)).isEqualTo(1.0);
        assertThat(Dice.of(a, b, TissueLabel.WM)).isEqualTo(0.0);
        assertThat(Dice.of(b, b, TissueLabel.WM)).isNaN();
    }

    private static Volume labels(float... v) {
        return new Volume(2, 2, 2, v, Affine.identity());
    }
}
