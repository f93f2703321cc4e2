package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecisionCountTest {

    /**
     * A patch discriminator with 4 regions and 3 samples; sample 1 targets its own site and is
     * left out. Counted by hand: sample 0 real 3 right (0.5, 2, 1e-3 > 0; -1 is not), fake 2 right
     * (-0.2, -3 < 0); sample 2 real 1 right (0 is not > 0), fake 4 right. 8 regions counted.
     */
    @Test
    void countsEveryRegionOfSamplesWithAnotherTargetSite() {
        float[] real = {0.5f, -1f, 2f, 1e-3f, /* excluded */ 9f, 9f, 9f, 9f, 0f, -2f, 3f, -0.1f};
        float[] fake = {-0.2f, 1f, 0f, -3f, /* excluded */ -9f, -9f, -9f, -9f, -1f, -1f, -1f, -1f};
        int[] source = {0, 2, 1};
        int[] target = {1, 2, 3};

        DecisionCount c = DecisionCount.of(real, fake, source, target);

        assertThat(c).isEqualTo(new DecisionCount(3 + 1, 2 + 4, 3 + 3, 8));
        assertThat(c.orderAccuracy()).isEqualTo(6 / 8.0);
        assertThat(c.realAccuracy()).isEqualTo(4 / 8.0);
        assertThat(c.fakeAccuracy()).isEqualTo(6 / 8.0);
        assertThat(c.accuracy()).isEqualTo(10 / 16.0);
    }

    @Test
    void oneDecisionPerImageAndWindowSums() {
        DecisionCount a = DecisionCount.of(new float[] {1f, 1f}, new float[] {-1f, 1f}, new int[] {0, 1},
            new int[] {1, 0});
        DecisionCount b = DecisionCount.of(new float[] {-1f}, new float[] {-1f}, new int[] {0}, new int[] {1});

        assertThat(a).isEqualTo(new DecisionCount(2, 1, 1, 2));
        assertThat(a.plus(b)).isEqualTo(new DecisionCount(2, 2, 1, 3));
        assertThat(a.plus(b).accuracy()).isEqualTo(4 / 6.0);
    }

    @Test
    void nothingCountedWhenEverySampleTargetsItsOwnSite() {
        DecisionCount c = DecisionCount.of(new float[] {1f, -1f}, new float[] {-1f, 1f}, new int[] {1, 0},
            new int[] {1, 0});

        assertThat(c).isEqualTo(DecisionCount.NONE);
        assertThat(c.accuracy()).isNaN();
        assertThat(DecisionCount.NONE.plus(c).realAccuracy()).isNaN();
    }

    @Test
    void rejectsLogitsThatDoNotMatchTheLabels() {
        assertThatThrownBy(() -> DecisionCount.of(new float[3], new float[3], new int[] {0, 1}, new int[] {1, 0}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not match");
        assertThatThrownBy(() -> DecisionCount.of(new float[2], new float[4], new int[] {0, 1}, new int[] {1, 0}))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
