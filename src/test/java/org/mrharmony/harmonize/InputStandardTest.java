package org.mrharmony.harmonize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mrharmony.data.InputStandard;
import org.mrharmony.data.NetworkView;
import org.mrharmony.data.PreparedVolume;
import org.mrharmony.data.SlicingConfig;
import org.mrharmony.data.VolumePreparer;
import org.mrharmony.eval.MaskedVolume;
import org.mrharmony.eval.NyulNormalizer;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Mask;
import org.mrharmony.volume.Volume;

/** A model's pooled input standard as training and harmonizing apply it. */
class InputStandardTest {

    private static final SlicingConfig SLICING = SlicingConfig.defaults(3, 16);

    private static Volume scan(long seed) {
        return HarmonizeTestData.head(18, 20, 16, Affine.diagonal(1, 1, 1), 1.0, seed);
    }

    private static SiteBaselines.NyulFit pooled(Volume... volumes) {
        NyulFitter fitter = new NyulFitter();
        for (Volume v : volumes) {
            fitter.add(new MaskedVolume(v, ForegroundMask.compute(v).toArray()));
        }
        return fitter.result();
    }

    /** The mean and the largest absolute difference inside the head. */
    private static double[] differenceInside(Volume a, Volume b, Mask head) {
        double sum = 0;
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            if (head.get(i)) {
                double d = Math.abs(a.data()[i] - b.data()[i]);
                sum += d;
                max = Math.max(max, d);
            }
        }
        return new double[] {sum / head.count(), max};
    }

    private static PreparedVolume prepare(Volume v, InputStandard standard) throws IOException {
        return VolumePreparer.prepare(v, Path.of("mem"), "a", 0, SLICING, standard);
    }

    /** Mapped onto the standard, a scan's own landmarks inside its head are the standard scale. */
    @Test
    void aStandardisedScansLandmarksAreTheStandard() {
        Volume a = scan(1);
        SiteBaselines.NyulFit fit = pooled(a, HarmonizeTestData.compressedContrast(scan(2)));
        Mask head = ForegroundMask.compute(a);
        Volume standardised = fit.apply(a, head);
        double[] landmarks = new NyulNormalizer(fit.percentiles(), fit.standardScale())
            .landmarks(standardised, head.toArray());
        double range = fit.standardScale()[fit.standardScale().length - 1] - fit.standardScale()[0];
        assertThat(landmarks).containsExactly(fit.standardScale(), within(1e-3 * range));
    }

    /**
     * Two sites that differ by a contrast curve: with the input standard the network sees (nearly)
     * the same volume from both, without it volumes that differ by far more. (One head mask for
     * both: how the mask follows the contrast is not the standard's business.)
     */
    @Test
    void theStandardRemovesAContrastDifferenceBetweenSites() {
        Volume a = scan(3);
        Volume b = HarmonizeTestData.compressedContrast(a);
        Mask head = ForegroundMask.compute(a);
        SiteBaselines.NyulFit fit = pooled(a, b, scan(4));
        double clip = SLICING.clipPercentile();

        double[] off = differenceInside(NetworkView.of(a, head, clip, InputStandard.NONE).network(),
            NetworkView.of(b, head, clip, InputStandard.NONE).network(), head);
        double[] on = differenceInside(NetworkView.of(a, head, clip, fit).network(),
            NetworkView.of(b, head, clip, fit).network(), head);
        // what is left is the piecewise-linear (11 landmarks) approximation of the square root
        assertThat(on[0]).isLessThan(0.005);
        assertThat(on[1]).isLessThan(0.02);
        assertThat(off[0]).isGreaterThan(5 * on[0]);
        assertThat(off[1]).isGreaterThan(0.05);
    }

    /** Harmonizing prepares a scan exactly as training does, with or without the standard. */
    @Test
    void harmonizingPreparesAScanAsTrainingDoes() throws IOException {
        Volume a = scan(5);
        SiteBaselines.NyulFit fit = pooled(a, HarmonizeTestData.compressedContrast(scan(6)));
        for (InputStandard standard : new InputStandard[] {InputStandard.NONE, fit}) {
            PreparedVolume training = prepare(a, standard);
            PreparedInput harmonizing = PreparedInput.of(a, SLICING.clipPercentile(), standard);
            assertThat(harmonizing.network().data()).containsExactly(training.network().data());
            assertThat(harmonizing.stats()).isEqualTo(training.stats());
        }
        assertThat(prepare(a, fit).network().data()).isNotEqualTo(prepare(a, InputStandard.NONE).network().data());
    }
}
