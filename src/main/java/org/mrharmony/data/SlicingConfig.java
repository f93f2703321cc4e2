package org.mrharmony.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How volumes become 2.5D training samples.
 *
 * @param axis             slicing axis of the canonical RAS volume: 0 sagittal, 1 coronal, 2 axial
 * @param channels         adjacent slices per stack (odd; the networks' input channels)
 * @param patch            square crop size in pixels (the networks' img_size)
 * @param clipPercentile   intensity clipping percentile inside the head
 * @param minHeadFraction  a slice is usable when at least this fraction of its pixels is head
 */
public record SlicingConfig(
        @JsonProperty("axis") int axis,
        @JsonProperty("channels") int channels,
        @JsonProperty("patch") int patch,
        @JsonProperty("clip_percentile") double clipPercentile,
        @JsonProperty("min_head_fraction") double minHeadFraction) {

    public SlicingConfig {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + axis);
        }
        if (channels < 1 || channels % 2 == 0) {
            throw new IllegalArgumentException("stack depth must be odd and positive, got " + channels);
        }
        if (patch < 4) {
            throw new IllegalArgumentException("patch must be at least 4 pixels, got " + patch);
        }
    }

    public static SlicingConfig defaults(int channels, int patch) {
        return new SlicingConfig(2, channels, patch, IntensityNormalization.DEFAULT_CLIP_PERCENTILE, 0.1);
    }
}
