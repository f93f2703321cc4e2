package org.mrharmony.report;

/** Maps values to packed RGB for the two {@link ImageKind}s. */
final class ColourMaps {

    /** Diverging ends (ColorBrewer RdBu): readable on screen and in print. */
    static final int NEGATIVE = 0x2166AC;
    static final int POSITIVE = 0xB2182B;

    private ColourMaps() {
    }

    static int rgb(ImageKind kind, double value, DisplayWindow window) {
        double t = window.fraction(value);
        return kind == ImageKind.DIFFERENCE ? diverging(t) : grey(t);
    }

    static int grey(double t) {
        int g = (int) Math.round(255 * t);
        return (g << 16) | (g << 8) | g;
    }

    /** t = 0.5 is white, towards 0 blue, towards 1 red. */
    static int diverging(double t) {
        if (t < 0.5) {
            return mix(NEGATIVE, 0xFFFFFF, t / 0.5);
        }
        return mix(0xFFFFFF, POSITIVE, (t - 0.5) / 0.5);
    }

    private static int mix(int from, int to, double f) {
        int r = (int) Math.round(((from >> 16) & 0xFF) * (1 - f) + ((to >> 16) & 0xFF) * f);
        int g = (int) Math.round(((from >> 8) & 0xFF) * (1 - f) + ((to >> 8) & 0xFF) * f);
        int b = (int) Math.round((from & 0xFF) * (1 - f) + (to & 0xFF) * f);
        return (r << 16) | (g << 8) | b;
    }
}
