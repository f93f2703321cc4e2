package org.mrharmony.synth;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.mrharmony.eval.TissueLabel;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

/**
 * A procedural head: scalp, skull, CSF, and a brain whose outer (pial) surface is folded by
 * sulci, with a grey-matter ribbon of constant thickness beneath it, white matter inside,
 * lateral ventricles and deep grey nuclei. No files needed.
 *
 * <p>The pial surface is the zero set of {@code F = rho - 1 + S(u)}, where rho is the
 * ellipsoidal radius of the brain hull and S(u) a depth depending only on the direction u:
 * steep-walled valleys of constant width along the zero lines of a random low-frequency field
 * on the sphere (the sulci: zero lines of a smooth random field meander and branch like
 * sulcal patterns), plus the interhemispheric fissure. Grey matter is every brain voxel
 * within {@link #RIBBON_MM} (Euclidean, in mm) of that surface, so the ribbon is measured
 * along the surface normal as cortical thickness is, also down the walls of sulci: the
 * surface is sampled with sub-voxel accuracy at the voxels it passes between (each projected
 * onto it to first order, {@code x - F grad F / |grad F|^2}), and each brain voxel looks for a
 * surface point within reach.
 *
 * <p>At 128^3 (1.5 mm voxels) this gives about 1.0 l of GM + WM with GM/WM about 0.65, and
 * {@link org.mrharmony.eval.CorticalThickness} reads a mean thickness of about 3.05 mm: the
 * ribbon is 2.5 mm by construction, the Laplace measure at this resolution adds about 0.1-0.2
 * mm on oblique walls and more at sulcal fundi and gyral crowns.
 */
public final class BrainPhantom {

    /** Width of the cubic field of view; 128 voxels give 1.5 mm voxels. */
    public static final double FIELD_OF_VIEW_MM = 192;
    /** Target cortical (GM ribbon) thickness. */
    public static final double RIBBON_MM = 2.5;

    private static final double[] BRAIN_AXES_MM = {64, 78, 60};
    private static final double CSF_LAYER_MM = 3;
    private static final double SKULL_MM = 6;
    private static final double SCALP_MM = 5;
    private static final double SULCUS_DEPTH_MM = 20;
    /**
     * Sulcal valley half-width, mm along the surface. The valley profile is
     * exp(-(d/w)^4) of the distance d to the sulcal line: steep walls and a CSF gap that stays
     * open most of the way down, so the two grey-matter banks do not merge at 1.5 mm voxels.
     */
    private static final double SULCUS_HALF_WIDTH_MM = 2.5;
    private static final int FOLDING_WAVES = 24;
    /** Angular frequencies of the folding field on the unit sphere: about 16 mm between sulci. */
    private static final double MIN_FREQUENCY = 11;
    private static final double MAX_FREQUENCY = 15;
    private static final double FISSURE_DEPTH_MM = 24;
    private static final double FISSURE_HALF_WIDTH = 0.05;
    private static final double[][] VENTRICLES = {{-10, 2, 12, 5, 20, 8}, {10, 2, 12, 5, 20, 8}};
    private static final double[][] DEEP_GREY = {{-26, -2, 0, 8, 14, 9}, {26, -2, 0, 8, 14, 9}};
    private static final double SCALP_INTENSITY = 0.85;
    private static final double SKULL_INTENSITY = 0.12;
    private static final double TISSUE_TEXTURE = 0.03;
    private static final double SCALP_TEXTURE = 0.08;
    private static final double TEXTURE_SPACING_MM = 16;

    private BrainPhantom() {
    }

    /** The phantom grid: {@code size}^3 isotropic voxels covering {@link #FIELD_OF_VIEW_MM}, RAS, centred at 0. */
    public static Affine gridAffine(int size) {
        double h = FIELD_OF_VIEW_MM / size;
        double o = -h * (size - 1) / 2.0;
        return Affine.of(new double[][] {{h, 0, 0, o}, {0, h, 0, o}, {0, 0, h, o}});
    }

    public static Anatomy build(int size, long seed) {
        if (size < 16) {
            throw new IllegalArgumentException("phantom size must be at least 16 voxels, got " + size);
        }
        Affine affine = gridAffine(size);
        int[] dims = {size, size, size};
        double h = FIELD_OF_VIEW_MM / size;
        Folding folding = new Folding(new SplittableRandom(Seeds.derive(seed, "folding", 0)));
        float[] f = implicitSurface(size, affine, folding);
        boolean[] cortex = withinRibbon(f, size, h);
        float[] labels = new float[f.length];
        float[] texture = new float[f.length];
        double[] voxel = {h, h, h};
        float[] tissueNoise = SmoothRandomField.generate(dims, voxel, TEXTURE_SPACING_MM,
            new SplittableRandom(Seeds.derive(seed, "texture", 0)));
        float[] scalpNoise = SmoothRandomField.generate(dims, voxel, TEXTURE_SPACING_MM,
            new SplittableRandom(Seeds.derive(seed, "texture", 1)));
        for (int z = 0, i = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++, i++) {
                    double[] p = affine.apply(x, y, z);
                    int label;
                    double tex;
                    if (radius(p, SCALP_MM + SKULL_MM + CSF_LAYER_MM) >= 1) {
                        label = TissueLabel.BACKGROUND;
                        tex = 0;
                    } else if (radius(p, SKULL_MM + CSF_LAYER_MM) >= 1) {
                        label = TissueLabel.BACKGROUND;
                        tex = SCALP_INTENSITY * (1 + SCALP_TEXTURE * scalpNoise[i]);
                    } else if (radius(p, CSF_LAYER_MM) >= 1) {
                        label = TissueLabel.BACKGROUND;
                        tex = SKULL_INTENSITY;
                    } else {
                        label = tissueAt(p, f[i] < 0, cortex[i]);
                        tex = label == TissueLabel.CSF ? 1 : 1 + TISSUE_TEXTURE * tissueNoise[i];
                    }
                    labels[i] = label;
                    texture[i] = (float) tex;
                }
            }
        }
        return new Anatomy(new Volume(size, size, size, labels, affine), new Volume(size, size, size, texture, affine));
    }

    /** The tissue inside the skull at world point p. */
    private static int tissueAt(double[] p, boolean brain, boolean cortex) {
        if (!brain) {
            return TissueLabel.CSF;
        }
        if (cortex) {
            return TissueLabel.GM;
        }
        if (insideAny(p, VENTRICLES)) {
            return TissueLabel.CSF;
        }
        return insideAny(p, DEEP_GREY) ? TissueLabel.GM : TissueLabel.WM;
    }

    private static boolean insideAny(double[] p, double[][] ellipsoids) {
        for (double[] e : ellipsoids) {
            double dx = (p[0] - e[0]) / e[3];
            double dy = (p[1] - e[1]) / e[4];
            double dz = (p[2] - e[2]) / e[5];
            if (dx * dx + dy * dy + dz * dz < 1) {
                return true;
            }
        }
        return false;
    }

    /** Ellipsoidal radius of p for the brain hull grown by {@code marginMm}: 1 on that surface. */
    private static double radius(double[] p, double marginMm) {
        double s = 0;
        for (int a = 0; a < 3; a++) {
            double q = p[a] / (BRAIN_AXES_MM[a] + marginMm);
            s += q * q;
        }
        return Math.sqrt(s);
    }

    /** F = rho - 1 + S(u) at every voxel (negative inside the brain). */
    private static float[] implicitSurface(int size, Affine affine, Folding folding) {
        float[] f = new float[size * size * size];
        IntStream.range(0, size).parallel().forEach(z -> {
            for (int y = 0, i = z * size * size; y < size; y++) {
                for (int x = 0; x < size; x++, i++) {
                    double[] p = affine.apply(x, y, z);
                    double rho = radius(p, 0);
                    double depth = 0;
                    if (rho > 0.2 && rho < 1.3) {
                        depth = folding.depth(p[0] / BRAIN_AXES_MM[0] / rho, p[1] / BRAIN_AXES_MM[1] / rho,
                            p[2] / BRAIN_AXES_MM[2] / rho);
                    }
                    f[i] = (float) (rho - 1 + depth);
                }
            }
        });
        return f;
    }

    /** For every voxel inside the brain (F < 0): whether the pial surface is within {@link #RIBBON_MM}. */
    private static boolean[] withinRibbon(float[] f, int n, double h) {
        float[][] surface = surfacePoints(f, n, h);
        int reach = (int) Math.ceil(RIBBON_MM / h) + 1;
        double r2 = RIBBON_MM * RIBBON_MM;
        boolean[] ribbon = new boolean[f.length];
        IntStream.range(0, n).parallel().forEach(z -> {
            for (int y = 0, i = z * n * n; y < n; y++) {
                for (int x = 0; x < n; x++, i++) {
                    if (f[i] < 0) {
                        ribbon[i] = anyWithin(surface, n, h, x, y, z, reach, r2);
                    }
                }
            }
        });
        return ribbon;
    }

    private static boolean anyWithin(float[][] surface, int n, double h, int x, int y, int z, int reach, double r2) {
        for (int zz = Math.max(z - reach, 0); zz <= Math.min(z + reach, n - 1); zz++) {
            for (int yy = Math.max(y - reach, 0); yy <= Math.min(y + reach, n - 1); yy++) {
                for (int xx = Math.max(x - reach, 0); xx <= Math.min(x + reach, n - 1); xx++) {
                    int j = xx + n * (yy + n * zz);
                    if (Float.isNaN(surface[0][j])) {
                        continue;
                    }
                    double dx = surface[0][j] - x * h;
                    double dy = surface[1][j] - y * h;
                    double dz = surface[2][j] - z * h;
                    if (dx * dx + dy * dy + dz * dz <= r2) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * At each voxel with a 6-neighbour on the other side of F = 0, its first-order projection onto
     * the surface, in mm from the grid origin (x, y, z arrays); NaN elsewhere.
     */
    private static float[][] surfacePoints(float[] f, int n, double h) {
        float[][] p = new float[3][f.length];
        java.util.Arrays.fill(p[0], Float.NaN);
        int[] stride = {1, n, n * n};
        for (int z = 0, i = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++, i++) {
                    int[] c = {x, y, z};
                    boolean crossing = false;
                    for (int a = 0; a < 3 && !crossing; a++) {
                        crossing = c[a] > 0 && (f[i - stride[a]] < 0) != (f[i] < 0)
                            || c[a] < n - 1 && (f[i + stride[a]] < 0) != (f[i] < 0);
                    }
                    if (!crossing) {
                        continue;
                    }
                    double[] g = new double[3];
                    double g2 = 0;
                    for (int a = 0; a < 3; a++) {
                        g[a] = diff(f, i, stride[a], c[a], n, h);
                        g2 += g[a] * g[a];
                    }
                    for (int a = 0; a < 3; a++) {
                        p[a][i] = (float) (c[a] * h - f[i] * g[a] / g2);
                    }
                }
            }
        }
        return p;
    }

    private static double diff(float[] f, int i, int stride, int c, int n, double h) {
        int lo = c > 0 ? i - stride : i;
        int hi = c < n - 1 ? i + stride : i;
        int span = (c > 0 ? 1 : 0) + (c < n - 1 ? 1 : 0);
        return (f[hi] - f[lo]) / (span * h);
    }

    /** The direction-dependent depth S(u), in units of the hull radius. */
    private static final class Folding {
        private final double[][] waves = new double[FOLDING_WAVES][];
        private final double meanRadius = (BRAIN_AXES_MM[0] + BRAIN_AXES_MM[1] + BRAIN_AXES_MM[2]) / 3;

        Folding(SplittableRandom random) {
            for (int k = 0; k < FOLDING_WAVES; k++) {
                double[] d = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
                double norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                double w = MIN_FREQUENCY + (MAX_FREQUENCY - MIN_FREQUENCY) * random.nextDouble();
                waves[k] = new double[] {w * d[0] / norm, w * d[1] / norm, w * d[2] / norm,
                    2 * Math.PI * random.nextDouble()};
            }
        }

        double depth(double ux, double uy, double uz) {
            // The folding field n and its gradient; the distance (in mm along the surface) to the
            // nearest zero line is |n| / |tangential gradient| to first order, so every sulcus
            // gets the same width wherever the field is steep or flat.
            double n = 0;
            double gx = 0;
            double gy = 0;
            double gz = 0;
            for (double[] w : waves) {
                double phase = w[0] * ux + w[1] * uy + w[2] * uz + w[3];
                n += Math.sin(phase);
                double c = Math.cos(phase);
                gx += c * w[0];
                gy += c * w[1];
                gz += c * w[2];
            }
            double radial = gx * ux + gy * uy + gz * uz;
            double tx = gx - radial * ux;
            double ty = gy - radial * uy;
            double tz = gz - radial * uz;
            double slope = Math.sqrt(tx * tx + ty * ty + tz * tz);
            double distanceMm = slope > 0 ? Math.abs(n) / slope * meanRadius : Double.POSITIVE_INFINITY;
            double t = distanceMm / SULCUS_HALF_WIDTH_MM;
            double sulcus = SULCUS_DEPTH_MM * Math.exp(-t * t * t * t);
            double lower = smoothstep((uz + 0.6) / 0.4);
            double tf = ux * ux / (FISSURE_HALF_WIDTH * FISSURE_HALF_WIDTH);
            double fissure = FISSURE_DEPTH_MM * lower * Math.exp(-tf * tf);
            return (sulcus + fissure) / meanRadius;
        }

        private static double smoothstep(double t) {
            double c = Math.min(Math.max(t, 0), 1);
            return c * c * (3 - 2 * c);
        }
    }
}
