package org.mrharmony.report;

/** How an image is coloured: intensities in greyscale, signed differences in blue-white-red. */
public enum ImageKind {
    INTENSITY,
    DIFFERENCE
}
