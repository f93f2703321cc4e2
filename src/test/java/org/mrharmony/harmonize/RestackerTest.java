package org.mrharmony.harmonize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Grid;
import org.mrharmony.volume.Slices;
import org.mrharmony.volume.Volume;

class RestackerTest {

    private static final Grid GRID = new Grid(2, 3, 5, Affine.identity());
    private static final int AXIS = 2;

    /** The value every pixel of a prediction gets: which stack and which channel made it. */
    private static float value(int centre, int channel) {
        return 10 * centre + channel;
    }

    private static Volume restack(Restack mode, int channels) {
        Restacker r = new Restacker(mode, GRID, AXIS, channels);
        for (int centre = 0; centre < GRID.nz(); centre++) {
            for (int c = 0; c < channels; c++) {
                float[] slice = new float[6];
                java.util.Arrays.fill(slice, value(centre, c));
                r.add(centre, c, slice);
            }
        }
        return r.result();
    }

    @Test
    void centreTakesTheMiddleChannelOfEachSlicesOwnStack() {
        Volume v = restack(Restack.CENTER, 3);
        for (int k = 0; k < 5; k++) {
            assertThat(Slices.extract(v, AXIS, k)).containsOnly(value(k, 1));
        }
    }

    @Test
    void meanAveragesEveryPredictionOfASliceIncludingReplicatedEdges() {
        Volume v = restack(Restack.MEAN, 3);
        // Slice k is channel 2 of stack k-1, channel 1 of stack k, channel 0 of stack k+1; at the
        // edges the replicated slice is also channel 0 of stack 0 (slice 0) and channel 2 of stack 4 (slice 4).
        float[] expected = {
            (value(0, 0) + value(0, 1) + value(1, 0)) / 3,
            (value(0, 2) + value(1, 1) + value(2, 0)) / 3,
            (value(1, 2) + value(2, 1) + value(3, 0)) / 3,
            (value(2, 2) + value(3, 1) + value(4, 0)) / 3,
            (value(3, 2) + value(4, 1) + value(4, 2)) / 3,
        };
        for (int k = 0; k < 5; k++) {
            assertThat(Slices.extract(v, AXIS, k)).as("slice %d", k).containsOnly(expected[k]);
        }
    }

    @Test
    void slicesWithoutPredictionsAreBackground() {
        Restacker r = new Restacker(Restack.MEAN, GRID, AXIS, 1);
        r.add(2, 0, new float[] {1, 2, 3, 4, 5, 6});
        Volume v = r.result();
        assertThat(Slices.extract(v, AXIS, 2)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Slices.extract(v, AXIS, 0)).containsOnly(-1f);
        assertThat(Slices.extract(v, AXIS, 4)).containsOnly(-1f);
    }
}
