package org.mrharmony.volume;

/**
 * Slices of a RAS+ volume laid out for viewing: turned and flipped as {@link DisplayPlane}
 * says, and resampled so every pixel covers the same millimetres in both directions (the
 * physical aspect ratio survives anisotropic voxels).
 *
 * <p>Obliquity is ignored: voxel axes are shown as if they were the world axes they are
 * closest to, as viewers do in voxel mode.
 */
public final class DisplaySlices {

    private DisplaySlices() {
    }

    /** The pixel size that loses no resolution along any axis: the smallest voxel size. */
    public static double finestVoxelSize(Volume volume) {
        double[] s = volume.voxelSizes();
        return Math.min(s[0], Math.min(s[1], s[2]));
    }

    /** The index of the slice at a fraction (0..1) of the plane's slicing axis: 0.5 is the mid-slice {@code n / 2}. */
    public static int sliceAt(Volume volume, DisplayPlane plane, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("slice position must be within 0..1: " + fraction);
        }
        int n = volume.dim(plane.sliceAxis());
        return Math.min((int) Math.floor(fraction * n), n - 1);
    }

    /**
     * Slice {@code index} of a RAS+ volume in the plane's display layout, with square pixels of
     * {@code pixelMm}: each side has {@code round(voxels * voxelSize / pixelMm)} pixels (at least
     * 1), sampled bilinearly, edge values replicated.
     *
     * @throws IllegalArgumentException if the volume is not in RAS+ orientation or the index is outside it
     */
    public static Image2D render(Volume ras, DisplayPlane plane, int index, double pixelMm) {
        Orientation o = Orientation.of(ras.affine());
        if (!o.isCanonical()) {
            throw new IllegalArgumentException("display needs a RAS+ volume (see Reorient), got " + o.code());
        }
        if (index < 0 || index >= ras.dim(plane.sliceAxis())) {
            throw new IllegalArgumentException("slice " + index + " outside the volume's "
                + ras.dim(plane.sliceAxis()) + " " + plane.name().toLowerCase() + " slices");
        }
        if (!(pixelMm > 0)) {
            throw new IllegalArgumentException("pixel size must be positive: " + pixelMm);
        }
        double[] sizes = ras.voxelSizes();
        int nCol = ras.dim(plane.columnAxis());
        int nRow = ras.dim(plane.rowAxis());
        int width = Math.max(1, (int) Math.round(nCol * sizes[plane.columnAxis()] / pixelMm));
        int height = Math.max(1, (int) Math.round(nRow * sizes[plane.rowAxis()] / pixelMm));
        float[] pixels = new float[width * height];
        double[] at = new double[3];
        at[plane.sliceAxis()] = index;
        for (int r = 0; r < height; r++) {
            at[plane.rowAxis()] = voxelCoordinate(r, height, nRow, plane.rowReversed());
            for (int c = 0; c < width; c++) {
                at[plane.columnAxis()] = voxelCoordinate(c, width, nCol, plane.columnReversed());
                pixels[c + width * r] = Resample.sample(ras, at[0], at[1], at[2], Interpolation.TRILINEAR, 0f);
            }
        }
        return new Image2D(width, height, pixels);
    }

    /**
     * The continuous voxel index under the centre of pixel {@code p} of {@code pixels}, when
     * the pixels and the {@code voxels} span the same length.
     */
    private static double voxelCoordinate(int p, int pixels, int voxels, boolean reversed) {
        double v = (p + 0.5) * voxels / pixels - 0.5;
        return reversed ? voxels - 1 - v : v;
    }
}
