package org.mrharmony.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A volume for the report's interactive viewer: a gzip-compressed NIfTI file (.nii.gz), shown
 * in its own synchronised panel under {@code label}. Keep it small (see
 * {@link HtmlReportWriter#MAX_VIEWER_VOLUME_BYTES}): it is embedded in the page.
 */
public record ViewerVolume(String label, Path file, ImageKind kind) {

    public ViewerVolume {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
    }

    public static ViewerVolume intensity(String label, Path file) {
        return new ViewerVolume(label, file, ImageKind.INTENSITY);
    }

    public static ViewerVolume difference(String label, Path file) {
        return new ViewerVolume(label, file, ImageKind.DIFFERENCE);
    }
}
