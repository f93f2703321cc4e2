package org.mrharmony.report;

import java.util.List;

/**
 * Cuts display-oriented slices out of a {@link RasVolume}, in neurological convention (the
 * subject's left on the image's left), superior or anterior up:
 * <ul>
 *   <li>axial (fixed z): columns run left→right (x), rows anterior (top) → posterior;</li>
 *   <li>coronal (fixed y): columns left→right (x), rows superior (top) → inferior;</li>
 *   <li>sagittal (fixed x): columns posterior→anterior (y, nose to the right, as NiiVue
 *       shows it), rows superior (top) → inferior.</li>
 * </ul>
 */
public final class OrthogonalSlices {

    public static final List<String> PLANES = List.of("axial", "coronal", "sagittal");

    private OrthogonalSlices() {
    }

    public static OrientedSlice axial(RasVolume v, int z) {
        check(z, v.nz(), "z");
        float[] pixels = new float[v.nx() * v.ny()];
        for (int row = 0; row < v.ny(); row++) {
            int y = v.ny() - 1 - row;
            for (int x = 0; x < v.nx(); x++) {
                pixels[row * v.nx() + x] = v.at(x, y, z);
            }
        }
        return new OrientedSlice(v.nx(), v.ny(), pixels, v.dx(), v.dy());
    }

    public static OrientedSlice coronal(RasVolume v, int y) {
        check(y, v.ny(), "y");
        float[] pixels = new float[v.nx() * v.nz()];
        for (int row = 0; row < v.nz(); row++) {
            int z = v.nz() - 1 - row;
            for (int x = 0; x < v.nx(); x++) {
                pixels[row * v.nx() + x] = v.at(x, y, z);
            }
        }
        return new OrientedSlice(v.nx(), v.nz(), pixels, v.dx(), v.dz());
    }

    public static OrientedSlice sagittal(RasVolume v, int x) {
        check(x, v.nx(), "x");
        float[] pixels = new float[v.ny() * v.nz()];
        for (int row = 0; row < v.nz(); row++) {
            int z = v.nz() - 1 - row;
            for (int y = 0; y < v.ny(); y++) {
                pixels[row * v.ny() + y] = v.at(x, y, z);
            }
        }
        return new OrientedSlice(v.ny(), v.nz(), pixels, v.dy(), v.dz());
    }

    /** Axial, coronal and sagittal slices through voxel (x, y, z). */
    public static List<OrientedSlice> through(RasVolume v, int x, int y, int z) {
        return List.of(axial(v, z), coronal(v, y), sagittal(v, x));
    }

    /** Axial, coronal and sagittal slices through the centre voxel (n / 2 along each axis). */
    public static List<OrientedSlice> mid(RasVolume v) {
        return through(v, v.nx() / 2, v.ny() / 2, v.nz() / 2);
    }

    private static void check(int index, int size, String axis) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(axis + " slice " + index + " outside 0.." + (size - 1));
        }
    }
}
