package org.mrharmony.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws a {@link MosaicSpec} into an image: black background, column titles on top, each row
 * labelled on the left with its name and a small colour bar showing its window, so a reader
 * can tell what grey or red means without a caption.
 */
public final class SliceMosaic {

    private static final Color BACKGROUND = Color.BLACK;
    private static final Color TEXT = Color.WHITE;
    private static final Color SUBTLE_TEXT = new Color(0xBBBBBB);
    private static final Font HEADER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final int BAR_HEIGHT = 10;

    private SliceMosaic() {
    }

    public static BufferedImage render(MosaicSpec spec) {
        Headless.ensure();
        MosaicLayout layout = new MosaicLayout(spec);
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            drawHeaders(g, spec, layout);
            for (int r = 0; r < spec.rows().size(); r++) {
                MosaicRow row = spec.rows().get(r);
                drawRowLabel(g, row, layout.label(r));
                for (int c = 0; c < spec.columns(); c++) {
                    Rectangle target = layout.panel(r, c);
                    g.drawImage(colour(row.panels().get(c), row), target.x, target.y, target.width, target.height, null);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders {@code spec} and writes it as PNG, atomically. */
    public static void writePng(MosaicSpec spec, Path target) throws IOException {
        PngFiles.write(render(spec), target);
    }

    /** The slice at its native resolution, coloured; the caller scales it to its physical aspect. */
    static BufferedImage colour(OrientedSlice slice, MosaicRow row) {
        BufferedImage image = new BufferedImage(slice.width(), slice.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < slice.height(); y++) {
            for (int x = 0; x < slice.width(); x++) {
                image.setRGB(x, y, ColourMaps.rgb(row.kind(), slice.at(x, y), row.window()));
            }
        }
        return image;
    }

    private static void drawHeaders(Graphics2D g, MosaicSpec spec, MosaicLayout layout) {
        g.setFont(HEADER_FONT);
        g.setColor(TEXT);
        FontMetrics metrics = g.getFontMetrics();
        for (int c = 0; c < spec.columns(); c++) {
            Rectangle cell = layout.cell(0, c);
            String text = spec.columnLabels().get(c);
            int x = cell.x + (cell.width - metrics.stringWidth(text)) / 2;
            int y = (MosaicLayout.HEADER_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2 + 2;
            g.drawString(text, x, y);
        }
    }

    private static void drawRowLabel(Graphics2D g, MosaicRow row, Rectangle area) {
        int margin = 10;
        int width = area.width - 2 * margin;
        g.setFont(LABEL_FONT);
        FontMetrics labelMetrics = g.getFontMetrics();
        g.setFont(SMALL_FONT);
        FontMetrics smallMetrics = g.getFontMetrics();
        int block = labelMetrics.getHeight() + 6 + BAR_HEIGHT + 2 + smallMetrics.getHeight();
        int top = area.y + Math.max(0, (area.height - block) / 2);

        g.setFont(LABEL_FONT);
        g.setColor(TEXT);
        g.drawString(fit(row.label(), labelMetrics, width), area.x + margin, top + labelMetrics.getAscent());

        int barY = top + labelMetrics.getHeight() + 6;
        for (int i = 0; i < width; i++) {
            double value = row.window().low() + (row.window().high() - row.window().low()) * i / (width - 1.0);
            g.setColor(new Color(ColourMaps.rgb(row.kind(), value, row.window())));
            g.drawLine(area.x + margin + i, barY, area.x + margin + i, barY + BAR_HEIGHT - 1);
        }
        g.setColor(SUBTLE_TEXT);
        g.drawRect(area.x + margin, barY, width - 1, BAR_HEIGHT - 1);

        g.setFont(SMALL_FONT);
        g.setColor(SUBTLE_TEXT);
        int textY = barY + BAR_HEIGHT + 2 + smallMetrics.getAscent();
        String low = Numbers.format(row.window().low());
        String high = Numbers.format(row.window().high());
        g.drawString(low, area.x + margin, textY);
        g.drawString(high, area.x + margin + width - smallMetrics.stringWidth(high), textY);
    }

    /** Shortens {@code text} with an ellipsis so it fits {@code width} pixels. */
    private static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String shortened = text;
        while (!shortened.isEmpty() && metrics.stringWidth(shortened + "…") > width) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "…";
    }
}
