package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

class BaselineTest {

    @Test
    void everyBaselineFitsOnTargetVolumesAndKeepsTheBackgroundZero() {
        int n = 24;
        double[] values = WhiteStripeTest.mixture(n * n * n, 9);
        boolean[] mask = new boolean[values.length];
        float[] src = new float[values.length];
        float[] tgt = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = i % 5 != 0;
            src[i] = mask[i] ? (float) values[i] : 42f;
            tgt[i] = mask[i] ? (float) (1.5 * values[i] + 20) : 0f;
        }
        Volume source = new Volume(n, n, n, src, Affine.identity());
        List<MaskedVolume> target = List.of(new MaskedVolume(new Volume(n, n, n, tgt, Affine.identity()), mask));
        for (Baseline b : Baseline.values()) {
            IntensityNormalizer norm = b.fitToTarget(target);
            assertThat(norm.name()).isEqualTo(b.id());
            assertThat(Baseline.fromId(norm.name())).isEqualTo(b);
            float[] out = norm.apply(source, mask).data();
            for (int i = 0; i < out.length; i++) {
                if (!mask[i]) {
                    assertThat(out[i]).as("%s background", b).isZero();
                }
            }
        }
        // None leaves the brain as it was; z-score and Nyul land on the (affine) target exactly enough.
        assertThat(Baseline.NONE.fitToTarget(target).apply(source, mask).data()[1]).isEqualTo(src[1]);
        float zs = Baseline.ZSCORE.fitToTarget(target).apply(source, mask).data()[1];
        assertThat((double) zs).isCloseTo(tgt[1], org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void unknownIdIsAClearError() {
        assertThatThrownBy(() -> Baseline.fromId("histmatch"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whitestripe");
    }
}
