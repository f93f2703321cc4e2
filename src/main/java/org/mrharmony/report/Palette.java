package org.mrharmony.report;

import java.awt.Color;

/**
 * Colours for series, methods and sites: the Okabe–Ito palette, distinguishable by readers
 * with colour-vision deficiencies, reordered so the first colours are the strongest on white.
 * Series are coloured by position, so callers that list methods in the same order get the
 * same colour for a method in every chart of a report.
 */
public final class Palette {

    private static final Color[] COLOURS = {
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0x009E73), // bluish green
        new Color(0xCC79A7), // reddish purple
        new Color(0xE69F00), // orange
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
        new Color(0xB8A800), // darkened yellow: pure Okabe–Ito yellow vanishes on white
    };

    private Palette() {
    }

    /** The colour of the {@code index}-th series; wraps around after eight. */
    public static Color colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }

    public static int size() {
        return COLOURS.length;
    }
}
