package org.mrharmony.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigTest {

    @TempDir
    Path dir;

    private static final String ONE_SITE = """
        [{"name": "hospital-7", "csfMean": 0.3, "gmMean": 0.6, "wmMean": 1.0, "gamma": 1.2, "scale": 900,
          "biasAmplitude": 0.1, "noiseSd": 0.04, "blurInPlaneMm": 0.5, "blurThroughPlaneMm": 2.5}]
        """;

    @Test
    void readsAnArrayAndFillsTheOptionalFields() throws IOException {
        Path f = Files.writeString(dir.resolve("sites.json"), ONE_SITE);
        List<SiteParameters> sites = SiteConfig.read(f);
        assertThat(sites).hasSize(1);
        SiteParameters s = sites.get(0);
        assertThat(s.name()).isEqualTo("hospital-7");
        assertThat(s.gamma()).isEqualTo(1.2);
        assertThat(s.blurThroughPlaneMm()).isEqualTo(2.5);
        assertThat(s.sliceAxis()).isEqualTo(2);
        assertThat(s.description()).isEmpty();
    }

    @Test
    void theDefaultsSurviveAJsonRoundTripAndAnObjectWithSitesIsAccepted() throws IOException {
        String json = Json.MAPPER.writeValueAsString(java.util.Map.of("sites", SiteParameters.defaults()));
        Path f = Files.writeString(dir.resolve("cohort-like.json"), json);
        assertThat(SiteConfig.read(f)).isEqualTo(SiteParameters.defaults());
    }

    @Test
    void errorsNameTheFileAndTheProblem() throws IOException {
        Path missingField = Files.writeString(dir.resolve("a.json"), ONE_SITE.replace("\"gamma\": 1.2,", ""));
        assertThatThrownBy(() -> SiteConfig.read(missingField)).isInstanceOf(IOException.class)
            .hasMessageContaining("a.json").hasMessageContaining("gamma");
        Path badValue = Files.writeString(dir.resolve("b.json"), ONE_SITE.replace("\"noiseSd\": 0.04", "\"noiseSd\": -1"));
        assertThatThrownBy(() -> SiteConfig.read(badValue)).hasMessageContaining("b.json")
            .hasMessageContaining("noiseSd must be >= 0");
        Path typo = Files.writeString(dir.resolve("c.json"), ONE_SITE.replace("\"scale\"", "\"scael\""));
        assertThatThrownBy(() -> SiteConfig.read(typo)).hasMessageContaining("c.json").hasMessageContaining("'scale'");
        Path unknown = Files.writeString(dir.resolve("g.json"), ONE_SITE.replace("\"gamma\"", "\"colour\": 1, \"gamma\""));
        assertThatThrownBy(() -> SiteConfig.read(unknown)).hasMessageContaining("g.json").hasMessageContaining("colour");
        Path twice = Files.writeString(dir.resolve("d.json"), "[" + ONE_SITE.strip().substring(1, ONE_SITE.strip().length() - 1)
            + "," + ONE_SITE.strip().substring(1));
        assertThatThrownBy(() -> SiteConfig.read(twice)).hasMessageContaining("appears twice");
        Path notJson = Files.writeString(dir.resolve("e.json"), "{sites: ");
        assertThatThrownBy(() -> SiteConfig.read(notJson)).hasMessageContaining("e.json").hasMessageContaining("not valid JSON");
        Path reserved = Files.writeString(dir.resolve("f.json"), ONE_SITE.replace("hospital-7", "truth"));
        assertThatThrownBy(() -> SiteConfig.read(reserved)).hasMessageContaining("f.json").hasMessageContaining("truth");
        assertThatThrownBy(() -> SiteConfig.read(dir.resolve("none.json"))).hasMessageContaining("none.json");
    }

    @Test
    void moreThanFourDefaultSitesAreDistinctVariants() {
        List<SiteParameters> six = SiteParameters.defaults(6);
        assertThat(six).hasSize(6);
        assertThat(six.subList(0, 4)).isEqualTo(SiteParameters.defaults());
        assertThat(six.stream().map(SiteParameters::name).distinct()).hasSize(6);
        assertThat(six.get(4).scale()).isNotEqualTo(six.get(0).scale());
    }
}
