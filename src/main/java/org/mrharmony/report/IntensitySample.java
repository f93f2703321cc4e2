package org.mrharmony.report;

import java.util.Objects;

/**
 * Intensities of one site (typically all brain voxels of its volumes, pooled) for a histogram
 * overlay. The array is not copied: it may be large, and the chart only reads it.
 */
public record IntensitySample(String site, float[] values) {

    public IntensitySample {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(values, "values");
    }
}
