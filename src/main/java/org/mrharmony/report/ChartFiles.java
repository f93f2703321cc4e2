package org.mrharmony.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/** Renders charts to PNG files of a given pixel size. */
public final class ChartFiles {

    private ChartFiles() {
    }

    public static BufferedImage render(JFreeChart chart, int width, int height) {
        Headless.ensure();
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive: " + width + "x" + height);
        }
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    /** Renders {@code chart} at {@code width x height} and writes it to {@code target} atomically. */
    public static void writePng(JFreeChart chart, Path target, int width, int height) throws IOException {
        PngFiles.write(render(chart, width, height), target);
    }
}
