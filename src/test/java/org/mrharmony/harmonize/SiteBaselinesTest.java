package org.mrharmony.harmonize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.data.IntensityStats;
import org.mrharmony.eval.LocationScale;
import org.mrharmony.eval.MaskedVolume;
import org.mrharmony.eval.NyulNormalizer;
import org.mrharmony.eval.WhiteStripe;
import org.mrharmony.eval.WhiteStripeNormalizer;
import org.mrharmony.eval.ZScoreNormalizer;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.ForegroundMask;
import org.mrharmony.volume.Volume;

class SiteBaselinesTest {

    @TempDir
    Path dir;

    private static List<MaskedVolume> training() {
        List<MaskedVolume> out = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            Volume head = HarmonizeTestData.head(16, 18, 14, Affine.identity(), 0.8 + 0.2 * v, 40 + v);
            out.add(new MaskedVolume(head, ForegroundMask.compute(head).toArray()));
        }
        return out;
    }

    @Test
    void fitsExactlyWhatTheEvalBaselinesFitOnTheSameVolumes() {
        List<MaskedVolume> site = training();
        SiteBaselines fit = SiteBaselines.fit(site);

        LocationScale z = ZScoreNormalizer.fitToTarget(site).target();
        LocationScale ws = WhiteStripeNormalizer.fitToTarget(site, WhiteStripe.DEFAULT_WIDTH).target();
        NyulNormalizer nyul = NyulNormalizer.fitToTarget(site);
        assertThat(fit.volumes()).isEqualTo(3);
        assertThat(fit.zscore()).isEqualTo(new SiteBaselines.MeanSd(z.location(), z.scale()));
        assertThat(fit.whiteStripe()).isEqualTo(new SiteBaselines.WhiteStripeFit(WhiteStripe.DEFAULT_WIDTH,
            ws.location(), ws.scale()));
        assertThat(fit.nyul().percentiles()).containsExactly(nyul.percentiles());
        assertThat(fit.nyul().standardScale()).containsExactly(nyul.standardScale());
    }

    @Test
    void siteInfoRoundTripsWithAndWithoutBaselinesAndOldJsonStillReads() throws Exception {
        SiteInfo with = new SiteInfo("a", 0, new IntensityStats(1, 3), new float[] {0.5f}, SiteBaselines.fit(training()));
        SiteInfo read = ModelDirectory.JSON.readValue(ModelDirectory.JSON.writeValueAsBytes(with), SiteInfo.class);
        assertThat(read.baselines().zscore()).isEqualTo(with.baselines().zscore());
        assertThat(read.baselines().nyul().standardScale()).containsExactly(with.baselines().nyul().standardScale());

        String withoutKey = "{\"name\":\"b\",\"index\":1,\"intensity\":{\"mean\":1.0,\"high\":2.0},\"mean_style\":[1.0]}";
        SiteInfo old = ModelDirectory.JSON.readValue(withoutKey, SiteInfo.class);
        assertThat(old.baselines()).isNull();
        assertThat(old.meanStyle()).containsExactly(1f);
        String written = ModelDirectory.JSON.writeValueAsString(old);
        assertThat(written).doesNotContain("baselines");
    }

    @Test
    void fitterRefusesNoVolumes() {
        assertThatThrownBy(() -> new SiteBaselines.Fitter().result()).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no training volumes");
    }
}
