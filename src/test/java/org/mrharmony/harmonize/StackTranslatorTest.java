package org.mrharmony.harmonize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrharmony.model.StarGanV2;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.SlicePlane;
import org.mrharmony.volume.Slices;
import org.mrharmony.volume.Volume;

/** The translator against the generator called directly, stack by stack. */
class StackTranslatorTest {

    private static final int AXIS = 2;
    private static final int C = 3;
    private static StarGanV2 nets;
    private static Volume network;
    private static float[] style;

    @BeforeAll
    static void setUp() {
        nets = StarGanV2.create(HarmonizeTestData.TINY, Device.cpu(), 3);
        // In-plane 8x6 (multiples of the tiny generator's factor 2), values in the network range.
        java.util.Random r = new java.util.Random(4);
        float[] d = new float[8 * 6 * 5];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (r.nextDouble() * 2 - 1);
        }
        network = new Volume(8, 6, 5, d, Affine.identity());
        style = new float[HarmonizeTestData.TINY.styleDim()];
        for (int i = 0; i < style.length; i++) {
            style[i] = (float) r.nextGaussian();
        }
    }

    @AfterAll
    static void tearDown() {
        nets.close();
    }

    /** G(stack centred on k) as [C][area], one stack per call. */
    private static float[][] direct(int k) {
        SlicePlane plane = SlicePlane.of(network, AXIS);
        try (NDManager m = nets.manager().newSubManager()) {
            float[] out = nets.generatorEma().translate(new ParameterStore(m, false),
                m.create(Slices.stackFlat(network, AXIS, k, C), new Shape(1, C, plane.height(), plane.width())),
                m.create(style, new Shape(1, style.length)), false).toFloatArray();
            float[][] channels = new float[C][plane.area()];
            for (int c = 0; c < C; c++) {
                System.arraycopy(out, c * plane.area(), channels[c], 0, plane.area());
            }
            return channels;
        }
    }

    private static Volume translate(Restack mode, int batch) {
        SlicePlane plane = SlicePlane.of(network, AXIS);
        return new StackTranslator(nets.generatorEma(), nets.manager(), batch).translate(network, AXIS, C, style, mode,
            PlaneWindow.whole(plane.width(), plane.height(), 2), 0, plane.count() - 1, n -> { });
    }

    @Test
    void centreRestackIsTheCentreChannelOfEachStack() {
        Volume out = translate(Restack.CENTER, 2);
        for (int k = 0; k < 5; k++) {
            assertThat(Slices.extract(out, AXIS, k)).as("slice %d", k).containsExactly(direct(k)[1], within(1e-5f));
        }
    }

    @Test
    void meanRestackAveragesTheThreePredictionsAndDiffersFromCentre() {
        Volume mean = translate(Restack.MEAN, 3);
        Volume centre = translate(Restack.CENTER, 3);
        float[][][] g = new float[5][][];
        for (int k = 0; k < 5; k++) {
            g[k] = direct(k);
        }
        for (int k = 1; k < 4; k++) {
            float[] got = Slices.extract(mean, AXIS, k);
            for (int i = 0; i < got.length; i++) {
                float expected = (g[k - 1][2][i] + g[k][1][i] + g[k + 1][0][i]) / 3;
                assertThat(got[i]).as("slice %d pixel %d", k, i).isCloseTo(expected, within(1e-5f));
            }
        }
        // The untrained generator's channels disagree, so averaging changes the result.
        float maxDiff = 0;
        for (int i = 0; i < mean.size(); i++) {
            maxDiff = Math.max(maxDiff, Math.abs(mean.data()[i] - centre.data()[i]));
        }
        assertThat(maxDiff).isGreaterThan(0.01f);
    }

    @Test
    void batchSizeDoesNotChangeTheResult() {
        float[] one = translate(Restack.MEAN, 1).data();
        float[] five = translate(Restack.MEAN, 5).data();
        assertThat(five).containsExactly(one, within(1e-5f));
    }

    @Test
    void onlyStacksReachingTheHeadAreTranslatedAndProgressCountsEverySlice() {
        // Head in slices 2..3 only: stacks 1..4 show a head slice in some channel, stack 0 does not.
        boolean[] bits = new boolean[network.size()];
        for (int i = 2 * 48; i < 4 * 48; i++) {
            bits[i] = true;
        }
        Mask head = Mask.of(8, 6, 5, bits);
        int[] reported = {0};
        Volume out = new StackTranslator(nets.generatorEma(), nets.manager(), 2)
            .translate(network, head, AXIS, C, style, Restack.CENTER, n -> reported[0] += n);
        assertThat(reported[0]).isEqualTo(5);
        assertThat(Slices.extract(out, AXIS, 0)).containsOnly(-1f);
        assertThat(Slices.extract(out, AXIS, 1)).doesNotContain(-1f);
    }
}
