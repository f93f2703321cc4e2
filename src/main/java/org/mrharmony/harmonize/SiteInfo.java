package org.mrharmony.harmonize;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.mrharmony.data.IntensityStats;

/**
 * What a model knows of one training site: its index (the network's domain label), its
 * intensity scale (to map translated images back to real intensities) and its mean style code
 * (the style encoder's output averaged over the site's training slices: the default target style).
 *
 * @param baselines the intensity baselines fitted on the site's training volumes
 *                  ({@link SiteBaselines#fit}); null in models written without them, which then
 *                  harmonize with the GAN only
 */
public record SiteInfo(
        @JsonProperty("name") String name,
        @JsonProperty("index") int index,
        @JsonProperty("intensity") IntensityStats intensity,
        @JsonProperty("mean_style") float[] meanStyle,
        @JsonProperty("baselines") @JsonInclude(JsonInclude.Include.NON_NULL) SiteBaselines baselines) {

    @JsonCreator
    public SiteInfo {
    }

    /** A site without fitted baselines. */
    public SiteInfo(String name, int index, IntensityStats intensity, float[] meanStyle) {
        this(name, index, intensity, meanStyle, null);
    }

    public SiteInfo withBaselines(SiteBaselines fitted) {
        return new SiteInfo(name, index, intensity, meanStyle, fitted);
    }
}
