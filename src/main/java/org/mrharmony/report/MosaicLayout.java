package org.mrharmony.report;

import java.awt.Rectangle;

/**
 * Where everything of a mosaic goes, in image pixels: a label column on the left, a header
 * row on top, then one cell per panel. Column width and row height are the largest panel
 * in that column or row; each panel is centred in its cell.
 */
public final class MosaicLayout {

    static final int LABEL_WIDTH = 150;
    static final int HEADER_HEIGHT = 30;
    static final int GAP = 6;

    private final MosaicSpec spec;
    private final double pixelsPerMm;
    private final int[] columnWidths;
    private final int[] rowHeights;

    public MosaicLayout(MosaicSpec spec) {
        this.spec = spec;
        double largestMm = 0;
        for (MosaicRow row : spec.rows()) {
            for (OrientedSlice panel : row.panels()) {
                largestMm = Math.max(largestMm, Math.max(panel.widthMm(), panel.heightMm()));
            }
        }
        this.pixelsPerMm = spec.panelPixels() / largestMm;
        this.columnWidths = new int[spec.columns()];
        this.rowHeights = new int[spec.rows().size()];
        for (int r = 0; r < spec.rows().size(); r++) {
            for (int c = 0; c < spec.columns(); c++) {
                OrientedSlice panel = spec.rows().get(r).panels().get(c);
                columnWidths[c] = Math.max(columnWidths[c], scaled(panel.widthMm()));
                rowHeights[r] = Math.max(rowHeights[r], scaled(panel.heightMm()));
            }
        }
    }

    public int width() {
        int w = LABEL_WIDTH + GAP;
        for (int cw : columnWidths) {
            w += cw + GAP;
        }
        return w;
    }

    public int height() {
        int h = HEADER_HEIGHT + GAP;
        for (int rh : rowHeights) {
            h += rh + GAP;
        }
        return h;
    }

    /** The cell of row {@code r}, column {@code c} (the panel is centred inside it). */
    public Rectangle cell(int r, int c) {
        int x = LABEL_WIDTH + GAP;
        for (int i = 0; i < c; i++) {
            x += columnWidths[i] + GAP;
        }
        int y = HEADER_HEIGHT + GAP;
        for (int i = 0; i < r; i++) {
            y += rowHeights[i] + GAP;
        }
        return new Rectangle(x, y, columnWidths[c], rowHeights[r]);
    }

    /** Where the panel of row {@code r}, column {@code c} is drawn, at its physical aspect. */
    public Rectangle panel(int r, int c) {
        OrientedSlice slice = spec.rows().get(r).panels().get(c);
        Rectangle cell = cell(r, c);
        int w = scaled(slice.widthMm());
        int h = scaled(slice.heightMm());
        return new Rectangle(cell.x + (cell.width - w) / 2, cell.y + (cell.height - h) / 2, w, h);
    }

    /** The label area of row {@code r}. */
    Rectangle label(int r) {
        Rectangle cell = cell(r, 0);
        return new Rectangle(0, cell.y, LABEL_WIDTH, cell.height);
    }

    private int scaled(double mm) {
        return Math.max(1, (int) Math.round(mm * pixelsPerMm));
    }
}
