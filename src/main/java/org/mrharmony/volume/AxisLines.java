package org.mrharmony.volume;

/** The lines along one axis of a flat x-fastest {@code nx·ny·nz} array, for separable filters. */
public final class AxisLines {

    /** One line: its elements are at {@code start + k·step} for {@code k = 0..length-1}. */
    @FunctionalInterface
    public interface Visitor {
        void line(int start, int step, int length);
    }

    private AxisLines() {
    }

    /** Visits every line along {@code axis} (0 = x, 1 = y, 2 = z) once. */
    public static void forEach(int nx, int ny, int nz, int axis, Visitor visitor) {
        int[] dims = {nx, ny, nz};
        int[] stride = {1, nx, nx * ny};
        // The two other axes enumerate the lines.
        int a = axis == 0 ? 1 : 0;
        int b = axis == 2 ? 1 : 2;
        for (int j = 0; j < dims[b]; j++) {
            for (int i = 0; i < dims[a]; i++) {
                visitor.line(i * stride[a] + j * stride[b], stride[axis], dims[axis]);
            }
        }
    }
}
