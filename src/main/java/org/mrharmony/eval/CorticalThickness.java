package org.mrharmony.eval;

import java.util.stream.IntStream;
import org.mrharmony.volume.Interpolation;
import org.mrharmony.volume.Resample;
import org.mrharmony.volume.Volume;

/**
 * Cortical thickness of a tissue label map by the Laplace method of Jones, Buchbinder and
 * Aharon, "Three-dimensional mapping of cortical thickness using Laplace's equation",
 * Human Brain Mapping 11:12-32 (2000).
 *
 * <p>Laplace's equation is solved in the grey matter with the potential fixed at 0 in white
 * matter and 1 outside the brain (CSF and background), so its level sets run from the WM
 * surface to the pial surface without crossing. From each GM voxel a streamline follows the
 * normalised gradient down to the WM surface and up to the pial surface; the thickness is the
 * sum of the two lengths. Everything is in mm: the discrete Laplacian weights each axis by
 * 1/h², steps are taken in mm and converted to voxels per axis, so anisotropic voxels are
 * handled. A boundary is where the nearest-voxel label changes, i.e. the face between a GM
 * voxel and its neighbour (a slab of w GM voxels is w voxels thick); the last step is refined
 * by bisection. The grid axes are taken as orthogonal (true of the scanner grids we meet).
 *
 * <p>GM voxels where the gradient vanishes (no WM or no pial boundary in reach, as in deep grey
 * matter enclosed by WM) or whose streamline does not leave the GM within {@code maxLengthMm}
 * get no thickness.
 */
public final class CorticalThickness {

    /**
     * @param sorOmega      over-relaxation factor of the Laplace solver (1 = Gauss-Seidel)
     * @param maxSweeps     solver sweeps at most
     * @param tolerance     stop when no potential changes by more than this in a sweep
     * @param stepVoxels    streamline step as a fraction of the smallest voxel size
     * @param maxLengthMm   a streamline half longer than this is given up
     */
    public record Settings(double sorOmega, int maxSweeps, double tolerance, double stepVoxels, double maxLengthMm) {

        public Settings {
            if (!(sorOmega > 0 && sorOmega < 2)) {
                throw new IllegalArgumentException("SOR omega must be in (0, 2): " + sorOmega);
            }
            if (maxSweeps < 1 || !(tolerance > 0) || !(stepVoxels > 0 && stepVoxels <= 0.5) || !(maxLengthMm > 0)) {
                throw new IllegalArgumentException("invalid thickness settings " + this);
            }
        }

        public static Settings defaults() {
            return new Settings(1.8, 5000, 1e-6, 0.1, 20.0);
        }
    }

    private static final int BISECTIONS = 12;
    private static final double MIN_GRADIENT = 1e-9;

    private final Settings settings;

    public CorticalThickness() {
        this(Settings.defaults());
    }

    public CorticalThickness(Settings settings) {
        this.settings = settings;
    }

    /** Thickness of the GM (label 2) of a label map (0 bg, 1 CSF, 2 GM, 3 WM), in mm. */
    public ThicknessMap measure(Volume labels) {
        byte[] label = new byte[labels.size()];
        int gmCount = 0;
        for (int i = 0; i < label.length; i++) {
            int l = TissueLabel.of(labels.data()[i]);
            label[i] = (byte) l;
            gmCount += l == TissueLabel.GM ? 1 : 0;
        }
        int[] gm = new int[gmCount];
        for (int i = 0, c = 0; i < label.length; i++) {
            if (label[i] == TissueLabel.GM) {
                gm[c++] = i;
            }
        }
        LabelGrid grid = new LabelGrid(labels, label);
        Volume potential = labels.withData(solveLaplace(grid, gm));
        float[] thickness = new float[labels.size()];
        double[] perVoxel = IntStream.range(0, gm.length).parallel()
            .mapToDouble(c -> streamlineThickness(grid, potential, gm[c]))
            .toArray();
        double sum = 0;
        double inverseSum = 0;
        int measured = 0;
        for (int c = 0; c < gm.length; c++) {
            if (perVoxel[c] > 0) {
                thickness[gm[c]] = (float) perVoxel[c];
                sum += perVoxel[c];
                inverseSum += 1 / perVoxel[c];
                measured++;
            }
        }
        if (measured == 0) {
            return new ThicknessMap(labels.withData(thickness), Double.NaN, Double.NaN, 0, gm.length);
        }
        return new ThicknessMap(labels.withData(thickness), measured / inverseSum, sum / measured, measured,
            gm.length);
    }

    /** Red-black SOR on the GM voxels; WM stays 0, everything else outside GM stays 1. */
    private float[] solveLaplace(LabelGrid g, int[] gm) {
        float[] u = new float[g.label.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = g.label[i] == TissueLabel.WM ? 0f : g.label[i] == TissueLabel.GM ? 0.5f : 1f;
        }
        double[] w = new double[3];
        double wSum = 0;
        for (int a = 0; a < 3; a++) {
            w[a] = 1.0 / (g.h[a] * g.h[a]);
            wSum += 2 * w[a];
        }
        int[][] colours = checkerboard(g, gm);
        double omega = settings.sorOmega();
        for (int sweep = 0; sweep < settings.maxSweeps(); sweep++) {
            double maxChange = 0;
            for (int[] colour : colours) {
                for (int i : colour) {
                    int x = i % g.nx;
                    int y = (i / g.nx) % g.ny;
                    int z = i / g.nxy;
                    // Outside the grid the potential is mirrored (zero normal derivative).
                    double s = w[0] * (u[x > 0 ? i - 1 : i] + u[x < g.nx - 1 ? i + 1 : i])
                        + w[1] * (u[y > 0 ? i - g.nx : i] + u[y < g.ny - 1 ? i + g.nx : i])
                        + w[2] * (u[z > 0 ? i - g.nxy : i] + u[z < g.nz - 1 ? i + g.nxy : i]);
                    double next = u[i] + omega * (s / wSum - u[i]);
                    maxChange = Math.max(maxChange, Math.abs(next - u[i]));
                    u[i] = (float) next;
                }
            }
            if (maxChange < settings.tolerance()) {
                break;
            }
        }
        return u;
    }

    /** The voxels split by parity of x+y+z, so that one colour's updates only read the other's. */
    private static int[][] checkerboard(LabelGrid g, int[] voxels) {
        int even = 0;
        for (int i : voxels) {
            even += parity(g, i) == 0 ? 1 : 0;
        }
        int[][] colours = {new int[even], new int[voxels.length - even]};
        int[] fill = new int[2];
        for (int i : voxels) {
            int p = parity(g, i);
            colours[p][fill[p]++] = i;
        }
        return colours;
    }

    private static int parity(LabelGrid g, int i) {
        return (i % g.nx + (i / g.nx) % g.ny + i / g.nxy) & 1;
    }

    /** Length of the streamline through GM voxel {@code i} from WM surface to pial surface, or 0. */
    private double streamlineThickness(LabelGrid g, Volume u, int i) {
        double[] start = {i % g.nx, (i / g.nx) % g.ny, i / (g.nx * g.ny)};
        double inward = halfLength(g, u, start, -1);
        if (inward < 0) {
            return 0;
        }
        double outward = halfLength(g, u, start, +1);
        return outward < 0 ? 0 : inward + outward;
    }

    /** Distance in mm along the (signed) gradient until the GM is left, or -1 on failure. */
    private double halfLength(LabelGrid g, Volume u, double[] start, int direction) {
        double step = settings.stepVoxels() * Math.min(g.h[0], Math.min(g.h[1], g.h[2]));
        double[] p = start.clone();
        double[] next = new double[3];
        double[] dir = new double[3];
        double length = 0;
        while (length < settings.maxLengthMm()) {
            if (!unitGradient(g, u, p, dir)) {
                return -1;
            }
            for (int a = 0; a < 3; a++) {
                next[a] = p[a] + direction * step * dir[a] / g.h[a];
            }
            if (g.labelAt(next) != TissueLabel.GM) {
                return length + step * boundaryFraction(g, p, next);
            }
            System.arraycopy(next, 0, p, 0, 3);
            length += step;
        }
        return -1;
    }

    /** Where on the segment from GM point {@code a} to non-GM point {@code b} the label changes, in [0, 1]. */
    private static double boundaryFraction(LabelGrid g, double[] a, double[] b) {
        double lo = 0;
        double hi = 1;
        double[] m = new double[3];
        for (int k = 0; k < BISECTIONS; k++) {
            double mid = 0.5 * (lo + hi);
            for (int ax = 0; ax < 3; ax++) {
                m[ax] = a[ax] + mid * (b[ax] - a[ax]);
            }
            if (g.labelAt(m) == TissueLabel.GM) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The unit gradient of the potential at {@code p} in mm space; false where it vanishes. */
    private static boolean unitGradient(LabelGrid g, Volume u, double[] p, double[] out) {
        double norm = 0;
        for (int a = 0; a < 3; a++) {
            double[] q = p.clone();
            q[a] = p[a] + 0.5;
            double plus = potentialAt(u, q);
            q[a] = p[a] - 0.5;
            double minus = potentialAt(u, q);
            out[a] = (plus - minus) / g.h[a];
            norm += out[a] * out[a];
        }
        norm = Math.sqrt(norm);
        if (norm < MIN_GRADIENT) {
            return false;
        }
        for (int a = 0; a < 3; a++) {
            out[a] /= norm;
        }
        return true;
    }

    /**
     * Trilinear potential, coordinates clamped to the grid: the edge voxels are replicated
     * (zero normal derivative, as in the solver), so a streamline running along the grid's
     * face does not see a jump to a fill value.
     */
    private static double potentialAt(Volume u, double[] p) {
        return Resample.sample(u, clamp(p[0], u.nx()), clamp(p[1], u.ny()), clamp(p[2], u.nz()),
            Interpolation.TRILINEAR, Float.NaN);
    }

    private static double clamp(double c, int n) {
        return Math.min(Math.max(c, 0), n - 1);
    }

    /** The label grid with its voxel sizes and the lookups streamlines need. */
    private static final class LabelGrid {
        final int nx;
        final int ny;
        final int nz;
        final int nxy;
        final double[] h;
        final byte[] label;

        LabelGrid(Volume v, byte[] label) {
            this.nx = v.nx();
            this.ny = v.ny();
            this.nz = v.nz();
            this.nxy = nx * ny;
            this.h = v.voxelSizes();
            this.label = label;
        }

        /** Nearest-voxel label; outside the grid counts as background. */
        int labelAt(double[] p) {
            int x = (int) Math.round(p[0]);
            int y = (int) Math.round(p[1]);
            int z = (int) Math.round(p[2]);
            if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) {
                return TissueLabel.BACKGROUND;
            }
            return label[x + nx * (y + ny * z)];
        }
    }
}
