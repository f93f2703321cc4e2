package org.mrharmony.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.Volume;

class CorticalThicknessTest {

    /** WM ball of radius r1, GM shell to r2, CSF to r3, background beyond (radii in mm, at voxel centres). */
    private static Volume shells(int n, double h, double r1, double r2, double r3) {
        Volume v = new Volume(n, n, n, Affine.diagonal(h, h, h));
        double c = (n - 1) / 2.0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double r = h * Math.sqrt((x - c) * (x - c) + (y - c) * (y - c) + (z - c) * (z - c));
                    v.set(x, y, z, r < r1 ? TissueLabel.WM : r < r2 ? TissueLabel.GM : r < r3 ? TissueLabel.CSF : 0);
                }
            }
        }
        return v;
    }

    /** Layers along one axis: WM below {@code from}, {@code width} GM voxels, then CSF. */
    private static Volume slab(int[] dims, double[] h, int axis, int from, int width) {
        Volume v = new Volume(dims[0], dims[1], dims[2], Affine.diagonal(h[0], h[1], h[2]));
        for (int z = 0; z < dims[2]; z++) {
            for (int y = 0; y < dims[1]; y++) {
                for (int x = 0; x < dims[0]; x++) {
                    int t = new int[] {x, y, z}[axis];
                    v.set(x, y, z, t < from ? TissueLabel.WM : t < from + width ? TissueLabel.GM : TissueLabel.CSF);
                }
            }
        }
        return v;
    }

    @Test
    void concentricShellsHaveTheirRadialThickness() {
        double h = 1.0;
        ThicknessMap map = new CorticalThickness().measure(shells(44, h, 9, 15, 19));

        assertThat(map.measuredVoxels()).isEqualTo(map.gmVoxels());
        assertThat(map.meanMm()).isCloseTo(6.0, Offset.offset(0.5 * h));
        // Not only on average: nearly every voxel is within a voxel of the truth.
        int within = 0;
        for (float t : map.thickness().data()) {
            within += t > 0 && Math.abs(t - 6.0) <= h ? 1 : 0;
        }
        assertThat(within).isGreaterThan((int) (0.95 * map.gmVoxels()));
    }

    @Test
    void shellThicknessIsInMillimetresForLargerVoxels() {
        double h = 1.5;
        ThicknessMap map = new CorticalThickness().measure(shells(36, h, 12, 19.5, 24));
        assertThat(map.meanMm()).isCloseTo(7.5, Offset.offset(0.5 * h));
    }

    @Test
    void aSlabIsItsWidthAlongAnAnisotropicAxis() {
        double[] h = {1.0, 1.2, 2.0};
        ThicknessMap alongZ = new CorticalThickness().measure(slab(new int[] {8, 8, 16}, h, 2, 5, 3));
        assertThat(alongZ.measuredVoxels()).isEqualTo(alongZ.gmVoxels()).isEqualTo(8 * 8 * 3);
        for (float t : alongZ.thickness().data()) {
            if (t > 0) {
                assertThat((double) t).isCloseTo(6.0, Offset.offset(0.01));
            }
        }
        ThicknessMap alongY = new CorticalThickness().measure(slab(new int[] {8, 16, 6}, h, 1, 4, 4));
        assertThat(alongY.meanMm()).isCloseTo(4.8, Offset.offset(0.01));
    }

    @Test
    void greyMatterEnclosedByWhiteMatterHasNoThickness() {
        Volume v = new Volume(10, 10, 10, Affine.identity());
        java.util.Arrays.fill(v.data(), TissueLabel.WM);
        v.set(5, 5, 5, TissueLabel.GM);
        v.set(5, 5, 6, TissueLabel.GM);
        ThicknessMap map = new CorticalThickness().measure(v);
        assertThat(map.gmVoxels()).isEqualTo(2);
        assertThat(map.measuredVoxels()).isZero();
        assertThat(map.meanMm()).isNaN();
    }
}
