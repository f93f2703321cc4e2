package org.mrharmony.report;

import java.nio.file.Path;
import java.util.Objects;

/** An image (PNG, JPEG or SVG) to show in the report, with a caption saying what to look at. */
public record Figure(Path image, String caption) {

    public Figure {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(caption, "caption");
    }
}
