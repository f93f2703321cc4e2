package org.mrharmony.volume;

/**
 * Resampling in world space: each voxel of the target grid takes the source value at the
 * same world position, so reorientation, voxel-size changes and shifts are one operation.
 *
 * <p>Edges: a point is inside the source when each of its continuous voxel coordinates lies
 * in {@code [-0.5, n - 0.5]}, i.e. within the extent of the outermost voxels (as ITK). Between
 * the outermost voxel centre and that edge the edge value is replicated; outside, the result
 * is the fill value. Coordinates within 1e-9 voxel of a voxel centre are snapped to it, so a
 * target grid that coincides with the source grid reproduces the source exactly despite
 * rounding in the affine products.
 */
public final class Resample {

    private static final double SNAP = 1e-9;

    private Resample() {
    }

    /** Trilinear resampling onto {@code target}; {@code fill} outside the source. */
    public static Volume trilinear(Volume source, Grid target, float fill) {
        return onto(source, target, Interpolation.TRILINEAR, fill);
    }

    /** Nearest-neighbour resampling onto {@code target} (label maps); {@code fill} outside the source. */
    public static Volume nearest(Volume source, Grid target, float fill) {
        return onto(source, target, Interpolation.NEAREST, fill);
    }

    public static Volume onto(Volume source, Grid target, Interpolation interpolation, float fill) {
        // Target voxel -> world -> source voxel.
        Affine toSource = source.affine().inverse().multiply(target.affine());
        double[] dx = {toSource.get(0, 0), toSource.get(1, 0), toSource.get(2, 0)};
        float[] out = new float[target.size()];
        int i = 0;
        for (int z = 0; z < target.nz(); z++) {
            for (int y = 0; y < target.ny(); y++) {
                double[] row = toSource.apply(0, y, z);
                for (int x = 0; x < target.nx(); x++, i++) {
                    // From the row start, not accumulated, so errors do not grow along the row.
                    out[i] = sample(source, row[0] + x * dx[0], row[1] + x * dx[1], row[2] + x * dx[2],
                        interpolation, fill);
                }
            }
        }
        return new Volume(target.nx(), target.ny(), target.nz(), out, target.affine());
    }

    /**
     * Resamples to the given voxel size (mm, per axis) along the same axes, covering the same
     * field of view: the new dimensions are {@code round(n * size / newSize)} (at least 1), and
     * the centres of the old and new fields of view coincide.
     */
    public static Grid gridWithVoxelSize(Grid grid, double[] newSizes) {
        double[] sizes = grid.affine().voxelSizes();
        int[] dims = new int[3];
        double[] t = new double[16];
        for (int a = 0; a < 3; a++) {
            if (!(newSizes[a] > 0)) {
                throw new IllegalArgumentException("voxel size must be positive: " + newSizes[a]);
            }
            int n = grid.dim(a);
            dims[a] = Math.max(1, (int) Math.round(n * sizes[a] / newSizes[a]));
            double scale = newSizes[a] / sizes[a];
            // New index j sits at old index scale * j + c; the centre (m-1)/2 maps onto (n-1)/2.
            t[5 * a] = scale;
            t[4 * a + 3] = (n - 1) / 2.0 - scale * (dims[a] - 1) / 2.0;
        }
        t[15] = 1;
        return Grid.of(dims, grid.affine().multiply(new Affine(t)));
    }

    /** Trilinear resampling to cubic voxels of {@code mm} millimetres (see {@link #gridWithVoxelSize}). */
    public static Volume toIsotropic(Volume source, double mm, float fill) {
        return trilinear(source, gridWithVoxelSize(source.grid(), new double[] {mm, mm, mm}), fill);
    }

    /**
     * The source value at continuous voxel coordinates (x, y, z), with the edge rules of this class.
     */
    public static float sample(Volume v, double x, double y, double z, Interpolation interpolation, float fill) {
        x = snap(x);
        y = snap(y);
        z = snap(z);
        if (!inside(x, v.nx()) || !inside(y, v.ny()) || !inside(z, v.nz())) {
            return fill;
        }
        x = clamp(x, v.nx());
        y = clamp(y, v.ny());
        z = clamp(z, v.nz());
        if (interpolation == Interpolation.NEAREST) {
            return v.get(nearestIndex(x, v.nx()), nearestIndex(y, v.ny()), nearestIndex(z, v.nz()));
        }
        int x0 = (int) x;
        int y0 = (int) y;
        int z0 = (int) z;
        int x1 = Math.min(x0 + 1, v.nx() - 1);
        int y1 = Math.min(y0 + 1, v.ny() - 1);
        int z1 = Math.min(z0 + 1, v.nz() - 1);
        double fx = x - x0;
        double fy = y - y0;
        double fz = z - z0;
        double c00 = lerp(v.get(x0, y0, z0), v.get(x1, y0, z0), fx);
        double c10 = lerp(v.get(x0, y1, z0), v.get(x1, y1, z0), fx);
        double c01 = lerp(v.get(x0, y0, z1), v.get(x1, y0, z1), fx);
        double c11 = lerp(v.get(x0, y1, z1), v.get(x1, y1, z1), fx);
        return (float) lerp(lerp(c00, c10, fy), lerp(c01, c11, fy), fz);
    }

    private static double lerp(double a, double b, double f) {
        // Exact at f == 0 (returns a itself), which the snapping relies on.
        return f == 0 ? a : a + (b - a) * f;
    }

    private static double snap(double c) {
        double r = Math.rint(c);
        return Math.abs(c - r) < SNAP ? r : c;
    }

    private static boolean inside(double c, int n) {
        return c >= -0.5 && c <= n - 0.5;
    }

    private static double clamp(double c, int n) {
        return Math.min(Math.max(c, 0), n - 1);
    }

    /** Rounds half up, then clamps, so x.5 goes to the same voxel everywhere. */
    private static int nearestIndex(double c, int n) {
        return Math.min((int) Math.floor(c + 0.5), n - 1);
    }
}
