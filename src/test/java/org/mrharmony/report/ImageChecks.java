package org.mrharmony.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** Pixel-level facts about rendered images, for tests. */
final class ImageChecks {

    private ImageChecks() {
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    /** Number of pixels within {@code tolerance} (per channel) of {@code colour}. */
    static int pixelsNear(BufferedImage image, Color colour, int tolerance) {
        return pixelsNear(image, colour, tolerance, 0, 0, image.getWidth(), image.getHeight());
    }

    static int pixelsNear(BufferedImage image, Color colour, int tolerance, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - colour.getRed()) <= tolerance
                    && Math.abs(((rgb >> 8) & 0xFF) - colour.getGreen()) <= tolerance
                    && Math.abs((rgb & 0xFF) - colour.getBlue()) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }
}
