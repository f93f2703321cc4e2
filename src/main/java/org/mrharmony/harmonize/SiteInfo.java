package org.mrharmony.harmonize;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.mrharmony.data.IntensityStats;

/**
 * What a model knows of one training site: its index (the network's domain label), its
 * intensity scale (to map translated images back to real intensities) and its mean style code
 * (the style encoder's output averaged over the site's training slices: the default target style).
 */
public record SiteInfo(
        @JsonProperty("name") String name,
        @JsonProperty("index") int index,
        @JsonProperty("intensity") IntensityStats intensity,
        @JsonProperty("mean_style") float[] meanStyle) {
}
