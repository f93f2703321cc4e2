package org.mrharmony.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleGridTest {

    /** Three stacks of 4 values; the second has the most values above the background (-1). */
    @Test
    void picksTheStackShowingTheMostHead() {
        float[] stacks = {
            -1, -1, -1, 0.5f,
            0.1f, -1, 0.2f, 0.3f,
            -1, 0.9f, -1, -1};
        assertThat(SampleGrid.mostHead(stacks, 4)).containsExactly(0.1f, -1, 0.2f, 0.3f);
    }

    @Test
    void aTieKeepsTheFirst() {
        assertThat(SampleGrid.mostHead(new float[] {-1, 0, 0, -1}, 2)).containsExactly(-1, 0);
    }
}
