package org.mrharmony.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiGeometryTest {

    @TempDir
    Path dir;

    private static final double SQRT_HALF = Math.sqrt(0.5);

    /**
     * Worked by hand: quaternion (a, b, c, d) = (cos 45°, 0, 0, sin 45°) is a 90° turn about z,
     * R = [[0,-1,0],[1,0,0],[0,0,1]]; columns scale by pixdim (2, 3, 4) and qfac -1 negates
     * the third, then qoffset is the last column.
     */
    @Test
    void qformOfA90DegreeTurnWithNegativeQfac() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(2, 2, 2);
        f.qformCode = 1;
        f.quatern = new double[] {0, 0, SQRT_HALF};
        f.qoffset = new double[] {10, 20, 30};
        f.pixdim = new double[] {-1, 2, 3, 4, 0, 0, 0, 0};
        NiftiHeader h = NiftiReader.readHeader(f.writeNii(dir, "q.nii"));

        assertRows(h.affine(), new double[][] {
            {0, -3, 0, 10},
            {2, 0, 0, 20},
            {0, 0, -4, 30},
            {0, 0, 0, 1}}, 1e-6);
        assertThat(h.affineSource()).isEqualTo("qform");
    }

    /** b = 1 leaves a = 0: a 180° turn about x, the branch nifti1_io special-cases. */
    @Test
    void qformOfA180DegreeTurn() throws IOException {
        NiftiFixture f = NiftiFixture.nifti2().dims(2, 2, 2);
        f.qformCode = 2;
        f.quatern = new double[] {1, 0, 0};
        f.pixdim = new double[] {1, 1.5, 1.5, 2, 0, 0, 0, 0};
        NiftiHeader h = NiftiReader.readHeader(f.writeNii(dir, "q.nii"));
        assertRows(h.affine(), new double[][] {
            {1.5, 0, 0, 0},
            {0, -1.5, 0, 0},
            {0, 0, -2, 0},
            {0, 0, 0, 1}}, 1e-12);
    }

    @Test
    void qformAndSformOfTheSameGeometryAgree() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(2, 2, 2);
        f.qformCode = 1;
        f.sformCode = 1;
        f.quatern = new double[] {0, 0, SQRT_HALF};
        f.qoffset = new double[] {10, 20, 30};
        f.pixdim = new double[] {-1, 2, 3, 4, 0, 0, 0, 0};
        f.srow = new double[][] {{0, -3, 0, 10}, {2, 0, 0, 20}, {0, 0, -4, 30}};
        NiftiHeader h = NiftiReader.readHeader(f.writeNii(dir, "qs.nii"));
        assertRows(h.qformAffine(), h.sformAffine(), 1e-6);
        assertThat(h.affineSource()).isEqualTo("sform");
    }

    @Test
    void affineIsSformThenQformThenPixdim() throws IOException {
        NiftiFixture f = NiftiFixture.nifti1().dims(2, 2, 2);
        f.pixdim = new double[] {1, 2, 3, 4, 0, 0, 0, 0};
        f.qoffset = new double[] {-5, -6, -7};
        f.srow = new double[][] {{9, 0, 0, 1}, {0, 9, 0, 2}, {0, 0, 9, 3}};
        double[][] qform = {{2, 0, 0, -5}, {0, 3, 0, -6}, {0, 0, 4, -7}, {0, 0, 0, 1}};
        double[][] sform = {{9, 0, 0, 1}, {0, 9, 0, 2}, {0, 0, 9, 3}, {0, 0, 0, 1}};
        double[][] pixdim = {{2, 0, 0, 0}, {0, 3, 0, 0}, {0, 0, 4, 0}, {0, 0, 0, 1}};

        f.qformCode = 1;
        f.sformCode = 3;
        assertRows(NiftiReader.readHeader(f.writeNii(dir, "a.nii")).affine(), sform, 0);
        f.sformCode = 0;
        assertRows(NiftiReader.readHeader(f.writeNii(dir, "b.nii")).affine(), qform, 0);
        f.qformCode = 0;
        assertRows(NiftiReader.readHeader(f.writeNii(dir, "c.nii")).affine(), pixdim, 0);
        f.sformCode = -1;
        assertRows(NiftiReader.readHeader(f.writeNii(dir, "d.nii")).affine(), pixdim, 0);
    }

    @Test
    void forVolumeReproducesObliqueAffines() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            double[][] rotation = rotation(random.nextDouble() * 6.3, random.nextDouble() * 6.3, random.nextDouble() * 6.3);
            double[] scale = {0.5 + 2 * random.nextDouble(), 0.5 + 2 * random.nextDouble(), 0.5 + 2 * random.nextDouble()};
            boolean flip = trial % 2 == 1;
            double[][] affine = new double[4][4];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    affine[r][c] = rotation[r][c] * scale[c] * (flip && c == 0 ? -1 : 1);
                }
                affine[r][3] = 200 * (random.nextDouble() - 0.5);
            }
            affine[3][3] = 1;

            NiftiHeader h = NiftiHeader.forVolume(5, 6, 7, affine);

            assertRelative(h.affine(), affine, 1e-6);
            // The qform, from float32 quaternion parameters, describes the same rigid geometry.
            assertRelative(h.qformAffine(), affine, 1e-5);
            assertThat(h.qfac()).isEqualTo(flip ? -1.0 : 1.0);
            for (int i = 0; i < 3; i++) {
                assertThat(h.pixdim(i + 1)).isCloseTo(scale[i], within(1e-6 * scale[i]));
            }
        }
    }

    @Test
    void forVolumeFillsTheStandardFields() {
        NiftiHeader h = NiftiHeader.forVolume(4, 5, 6, new double[][] {
            {-1, 0, 0, 90}, {0, 1, 0, -126}, {0, 0, 1, -72}, {0, 0, 0, 1}});
        assertThat(h.format()).isEqualTo(NiftiFormat.NIFTI1);
        assertThat(h.datatype()).isEqualTo(NiftiDataType.FLOAT32);
        assertThat(h.integer("bitpix")).isEqualTo(32);
        assertThat(h.qformCode()).isEqualTo(1);
        assertThat(h.sformCode()).isEqualTo(1);
        assertThat(h.xyztUnits()).isEqualTo(SpatialUnit.MM.code() | TimeUnit.SEC.code());
        for (int i = 0; i < 8; i++) {
            assertThat(h.dim(i)).isEqualTo(new long[] {3, 4, 5, 6, 1, 1, 1, 1}[i]);
        }
        // An x flip is improper: qfac -1 negates the third column, leaving diag(-1, 1, -1),
        // which is a 180° turn about y: quaternion (b, c, d) = (0, ±1, 0).
        assertThat(h.pixdim(0)).isEqualTo(-1.0);
        assertThat(h.number("quatern_b")).isCloseTo(0, within(1e-7));
        assertThat(Math.abs(h.number("quatern_c"))).isCloseTo(1, within(1e-7));
        assertThat(h.number("quatern_d")).isCloseTo(0, within(1e-7));
        assertThat(h.check()).isEmpty();
    }

    @Test
    void forVolumeOfAShearedAffineKeepsItExactlyInTheSformAndANearestRotationInTheQform() {
        double[][] sheared = {{2, 0.4, 0, 1}, {0, 2, 0.3, 2}, {0.1, 0, 3, 3}, {0, 0, 0, 1}};
        NiftiHeader h = NiftiHeader.forVolume(3, 3, 3, sheared);
        assertRelative(h.affine(), sheared, 1e-6);
        // The qform's 3x3 part divided by its column lengths must be orthogonal.
        double[][] q = h.qformAffine();
        double[][] r = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double len = Math.sqrt(q[0][c] * q[0][c] + q[1][c] * q[1][c] + q[2][c] * q[2][c]);
            double expectedLen = Math.sqrt(sheared[0][c] * sheared[0][c] + sheared[1][c] * sheared[1][c]
                + sheared[2][c] * sheared[2][c]);
            assertThat(len).isCloseTo(expectedLen, within(1e-5));
            for (int row = 0; row < 3; row++) {
                r[row][c] = q[row][c] / len;
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = r[0][a] * r[0][b] + r[1][a] * r[1][b] + r[2][a] * r[2][b];
                assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-6));
            }
        }
        // ... and stays close to the sheared directions (the shear is small).
        assertRelative(q, sheared, 0.2);
    }

    @Test
    void qformFromTheHandWorkedMatrixGivesBackItsQuaternion() {
        Qform q = Qform.fromAffine(new double[][] {{0, -3, 0, 10}, {2, 0, 0, 20}, {0, 0, -4, 30}, {0, 0, 0, 1}});
        assertThat(q.b()).isCloseTo(0, within(1e-12));
        assertThat(q.c()).isCloseTo(0, within(1e-12));
        assertThat(q.d()).isCloseTo(SQRT_HALF, within(1e-12));
        assertThat(new double[] {q.dx(), q.dy(), q.dz(), q.qfac()}).containsExactly(2, 3, 4, -1);
        assertThat(new double[] {q.qx(), q.qy(), q.qz()}).containsExactly(10, 20, 30);
    }

    @Test
    void polarDecompositionOfARotationIsTheRotation() {
        double[][] rot = rotation(0.3, -1.1, 2.0);
        double[][] p = Matrix3.polar(rot);
        for (int r = 0; r < 3; r++) {
            assertThat(p[r]).containsExactly(rot[r], within(1e-12));
        }
    }

    /** Rz(c) * Ry(b) * Rx(a), built from elementary rotations (independent of quaternions). */
    static double[][] rotation(double a, double b, double c) {
        double[][] rx = {{1, 0, 0}, {0, Math.cos(a), -Math.sin(a)}, {0, Math.sin(a), Math.cos(a)}};
        double[][] ry = {{Math.cos(b), 0, Math.sin(b)}, {0, 1, 0}, {-Math.sin(b), 0, Math.cos(b)}};
        double[][] rz = {{Math.cos(c), -Math.sin(c), 0}, {Math.sin(c), Math.cos(c), 0}, {0, 0, 1}};
        return multiply(rz, multiply(ry, rx));
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        double[][] out = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 3; k++) {
                    out[r][c] += x[r][k] * y[k][c];
                }
            }
        }
        return out;
    }

    static void assertRows(double[][] actual, double[][] expected, double tolerance) {
        assertThat(actual).hasDimensions(4, 4);
        for (int r = 0; r < 4; r++) {
            assertThat(actual[r]).as("row " + r).containsExactly(expected[r], within(tolerance));
        }
    }

    /** Each element within tol * max(1, |expected|): float32 storage is relative precision. */
    static void assertRelative(double[][] actual, double[][] expected, double tol) {
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                assertThat(actual[r][c]).as("[" + r + "][" + c + "]")
                    .isCloseTo(expected[r][c], within(tol * Math.max(1, Math.abs(expected[r][c]))));
            }
        }
    }
}
