package org.mrharmony.volume;

/**
 * A 2D float image for display: {@code height} rows of {@code width} pixels, row 0 at the top.
 */
public record Image2D(int width, int height, float[] pixels) {

    public Image2D {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("image " + width + "x" + height + " needs " + width * height
                + " pixels, got " + pixels.length);
        }
    }

    public float get(int column, int row) {
        return pixels[column + width * row];
    }
}
