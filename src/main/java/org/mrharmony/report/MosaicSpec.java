package org.mrharmony.report;

import java.util.List;

/**
 * A grid of slices: rows are labelled images, columns labelled views. All panels share one
 * millimetre-to-pixel scale, chosen so the largest panel is {@code panelPixels} wide or high,
 * so sizes compare across rows and columns.
 */
public record MosaicSpec(List<String> columnLabels, List<MosaicRow> rows, int panelPixels) {

    public static final int DEFAULT_PANEL_PIXELS = 220;

    public MosaicSpec {
        columnLabels = List.copyOf(columnLabels);
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a mosaic needs at least one row");
        }
        for (MosaicRow row : rows) {
            if (row.panels().size() != columnLabels.size()) {
                throw new IllegalArgumentException("mosaic row '" + row.label() + "' has " + row.panels().size()
                    + " panels for " + columnLabels.size() + " columns");
            }
        }
        if (panelPixels < 16 || panelPixels > 4096) {
            throw new IllegalArgumentException("panel size must be 16..4096 pixels: " + panelPixels);
        }
    }

    /** Columns axial / coronal / sagittal, for rows made by {@link MosaicRow#ofVolume}. */
    public static MosaicSpec orthogonal(List<MosaicRow> rows) {
        return new MosaicSpec(OrthogonalSlices.PLANES, rows, DEFAULT_PANEL_PIXELS);
    }

    public static MosaicSpec orthogonal(MosaicRow... rows) {
        return orthogonal(List.of(rows));
    }

    int columns() {
        return columnLabels.size();
    }
}
