package org.mrharmony.report;

import java.util.Objects;

/**
 * A 2D image ready for display: {@code pixels[row * width + column]}, row 0 at the top,
 * column 0 at the left, each pixel {@code pixelWidth x pixelHeight} millimetres (so
 * anisotropic voxels are drawn with their true aspect). The array is not copied.
 */
public record OrientedSlice(int width, int height, float[] pixels, double pixelWidth, double pixelHeight) {

    public OrientedSlice {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("slice size must be positive: " + width + "x" + height);
        }
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("slice " + width + "x" + height + " needs " + (long) width * height
                + " pixels, got " + pixels.length);
        }
        if (!(pixelWidth > 0) || !(pixelHeight > 0) || !Double.isFinite(pixelWidth) || !Double.isFinite(pixelHeight)) {
            throw new IllegalArgumentException("pixel size must be positive: " + pixelWidth + " x " + pixelHeight);
        }
    }

    /** Square pixels of 1 mm. */
    public OrientedSlice(int width, int height, float[] pixels) {
        this(width, height, pixels, 1, 1);
    }

    public float at(int column, int row) {
        return pixels[row * width + column];
    }

    double widthMm() {
        return width * pixelWidth;
    }

    double heightMm() {
        return height * pixelHeight;
    }
}
