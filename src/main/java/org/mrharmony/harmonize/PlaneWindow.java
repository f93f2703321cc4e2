package org.mrharmony.harmonize;

import java.util.Arrays;
import org.mrharmony.data.IntensityNormalization;

/**
 * The part of each slice the generator sees: a window of the slice (the head's in-plane extent
 * plus a margin), padded to sides that are multiples of the generator's downsampling factor,
 * centred. The generator is fully convolutional but halves the plane at each resampling, so its
 * input sides must divide evenly; padding and everything outside the window is the background
 * value, as the background of the network-range volume is. All planes are row-major, width fastest.
 *
 * @param width        slice width
 * @param height       slice height
 * @param u0           first column of the window
 * @param v0           first row of the window
 * @param windowWidth  window width
 * @param windowHeight window height
 * @param paddedWidth  generator input width (a multiple of the factor, at least the window's)
 * @param paddedHeight generator input height
 */
record PlaneWindow(int width, int height, int u0, int v0, int windowWidth, int windowHeight,
                   int paddedWidth, int paddedHeight) {

    /** The whole slice, padded. */
    static PlaneWindow whole(int width, int height, int factor) {
        return of(width, height, 0, 0, width, height, factor);
    }

    /**
     * A window clamped to the slice, padded.
     *
     * @throws IllegalArgumentException for an empty window or a factor below 1
     */
    static PlaneWindow of(int width, int height, int u0, int v0, int windowWidth, int windowHeight, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("downsampling factor must be positive, got " + factor);
        }
        int u1 = Math.min(width, u0 + windowWidth);
        int v1 = Math.min(height, v0 + windowHeight);
        u0 = Math.max(0, u0);
        v0 = Math.max(0, v0);
        if (u1 <= u0 || v1 <= v0) {
            throw new IllegalArgumentException("window does not overlap the " + width + "x" + height + " slice");
        }
        return new PlaneWindow(width, height, u0, v0, u1 - u0, v1 - v0, roundUp(u1 - u0, factor),
            roundUp(v1 - v0, factor));
    }

    private static int roundUp(int n, int factor) {
        return (n + factor - 1) / factor * factor;
    }

    int paddedArea() {
        return paddedWidth * paddedHeight;
    }

    private int left() {
        return (paddedWidth - windowWidth) / 2;
    }

    private int top() {
        return (paddedHeight - windowHeight) / 2;
    }

    /** Writes the window of {@code slice} into the padded plane at {@code dst[at..]}; the margin is left as it was. */
    void pad(float[] slice, float[] dst, int at) {
        int start = at + top() * paddedWidth + left();
        for (int v = 0; v < windowHeight; v++) {
            System.arraycopy(slice, (v0 + v) * width + u0, dst, start + v * paddedWidth, windowWidth);
        }
    }

    /** A whole slice from the padded plane at {@code src[at..]}: the window's values, background elsewhere. */
    float[] unpad(float[] src, int at) {
        float[] slice = new float[width * height];
        if (windowWidth != width || windowHeight != height) {
            Arrays.fill(slice, IntensityNormalization.BACKGROUND);
        }
        int start = at + top() * paddedWidth + left();
        for (int v = 0; v < windowHeight; v++) {
            System.arraycopy(src, start + v * paddedWidth, slice, (v0 + v) * width + u0, windowWidth);
        }
        return slice;
    }
}
