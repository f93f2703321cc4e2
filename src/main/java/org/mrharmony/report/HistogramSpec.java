package org.mrharmony.report;

import java.util.List;
import java.util.Objects;

/**
 * Overlaid intensity histograms, one curve per site, in side-by-side panels (before / after).
 * Each panel gets its own intensity axis because harmonization changes the scale; the
 * vertical axis (fraction of voxels per bin) is shared so the shapes compare directly.
 *
 * @param bins       number of bins per panel
 * @param skipZeros  leave exact zeros (masked-out background) out of the counts; almost
 *                   always wanted for skull-stripped MRI, whose background would dwarf the
 *                   tissue peaks
 */
public record HistogramSpec(String title, String intensityLabel, List<HistogramPanel> panels, int bins,
                            boolean skipZeros) {

    public HistogramSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(intensityLabel, "intensityLabel");
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("histogram chart '" + title + "' has no panels");
        }
        if (bins < 2) {
            throw new IllegalArgumentException("histogram chart '" + title + "' needs at least 2 bins: " + bins);
        }
    }

    /** 100 bins, background zeros skipped. */
    public static HistogramSpec of(String title, List<HistogramPanel> panels) {
        return new HistogramSpec(title, "intensity", panels, 100, true);
    }
}
