package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrharmony.volume.Affine;
import org.mrharmony.volume.DisplayPlane;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

class ViewCommandTest {

    private static final List<DisplayPlane> ALL = List.of(DisplayPlane.AXIAL, DisplayPlane.CORONAL, DisplayPlane.SAGITTAL);

    @TempDir
    Path dir;

    @Test
    void markerInTheAnteriorSuperiorRightOctantLandsInTheExpectedQuadrants() {
        // RAS, LPS (DICOM) and a slice-last sagittal layout (PIR) with anisotropic voxels.
        Affine[] affines = {
            Affine.diagonal(1, 1, 1),
            Affine.of(new double[][] {{-1, 0, 0, 20}, {0, -1, 0, 30}, {0, 0, 2.5, -10}}),
            Affine.of(new double[][] {{0, 0, 1.5, -12}, {-1, 0, 0, 15}, {0, -2, 0, 20}}),
        };
        for (Affine affine : affines) {
            Volume v = headWithMarker(20, 22, 18, affine);
            ViewCommand.OrthoImage view = ViewCommand.render(v, ALL, 0.5);
            List<Rectangle> panels = view.panels();
            BufferedImage img = view.image();
            assertThat(quadrant(img, panels.get(0))).as("axial, " + affine).isEqualTo("top-right");
            assertThat(quadrant(img, panels.get(1))).as("coronal, " + affine).isEqualTo("top-right");
            assertThat(quadrant(img, panels.get(2))).as("sagittal, " + affine).isEqualTo("top-left");
        }
    }

    @Test
    void panelsKeepThePhysicalAspectRatio() {
        // Voxel axes L, P, S with 1 x 1 x 2.5 mm: the field of view is 20 x 22 x 45 mm.
        Affine lps = Affine.of(new double[][] {{-1, 0, 0, 20}, {0, -1, 0, 30}, {0, 0, 2.5, -10}});
        List<Rectangle> panels = ViewCommand.render(headWithMarker(20, 22, 18, lps), ALL, 0.5).panels();
        assertThat(size(panels.get(0))).containsExactly(20, 22);
        assertThat(size(panels.get(1))).containsExactly(20, 45);
        assertThat(size(panels.get(2))).containsExactly(22, 45);
        assertThat(panels.get(1).x).isEqualTo(20 + ViewCommand.GAP);
    }

    @Test
    void windowsAtTheFirstAndNinetyNinthPercentilesOfNonZeroVoxels() {
        assertThat(ViewCommand.grey(5, 5, 15)).isZero();
        assertThat(ViewCommand.grey(10, 5, 15)).isEqualTo(128);
        assertThat(ViewCommand.grey(100, 5, 15)).isEqualTo(255);
        assertThat(ViewCommand.grey(Float.NaN, 5, 15)).isZero();
        // A ramp 0..999: the non-zero values 1..999 have 1st and 99th percentiles 1 + 0.01 * 998 and 1 + 0.99 * 998.
        Volume ramp = new Volume(10, 10, 10, Affine.identity());
        for (int i = 0; i < 1000; i++) {
            ramp.data()[i] = i;
        }
        double lo = 1 + 0.01 * 998;
        double hi = 1 + 0.99 * 998;
        assertThat(ViewCommand.window(ramp)).containsExactly(new double[] {lo, hi}, offset(1e-9));
        BufferedImage img = ViewCommand.render(ramp, List.of(DisplayPlane.AXIAL), 0.0).image();
        // Axial slice z = 0 holds 0..99: top row is y = 9 (90..99), bottom-left is 0.
        assertThat(img.getRaster().getSample(0, 9, 0)).isZero();
        assertThat(img.getRaster().getSample(9, 0, 0)).isEqualTo((int) Math.round(255 * (99 - lo) / (hi - lo)));
        // An all-zero volume renders black instead of failing.
        BufferedImage black = ViewCommand.render(new Volume(4, 4, 4, Affine.identity()), ALL, 0.5).image();
        assertThat(black.getRaster().getSample(1, 1, 0)).isZero();
    }

    @Test
    void pngIsWrittenAndReadsBackIdentical() throws Exception {
        Volume v = headWithMarker(12, 10, 8, Affine.diagonal(1, 1, 1));
        BufferedImage img = ViewCommand.render(v, ALL, 0.5).image();
        Path out = dir.resolve("view.png");
        ViewCommand.writePng(img, out);
        BufferedImage back = ImageIO.read(out.toFile());
        assertThat(back.getWidth()).isEqualTo(img.getWidth());
        assertThat(back.getHeight()).isEqualTo(img.getHeight());
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                assertThat(back.getRaster().getSample(x, y, 0)).isEqualTo(img.getRaster().getSample(x, y, 0));
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("view.png");
        }
    }

    @Test
    void missingOrBadFileIsOneLineAndExitTwo() throws Exception {
        Path garbage = dir.resolve("garbage.nii");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        for (Path input : new Path[] {dir.resolve("missing.nii"), garbage}) {
            CliRun c = run("view", input.toString(), "--out", dir.resolve("x.png").toString());
            assertThat(c.exit()).isEqualTo(2);
            assertThat(c.err().strip().lines()).hasSize(1);
            assertThat(c.err()).startsWith("mrharmony view: error: ").contains(input.getFileName().toString());
            assertThat(dir.resolve("x.png")).doesNotExist();
        }
    }

    @Test
    void badPlaneNameIsAUsageError() throws Exception {
        Path garbage = dir.resolve("a.nii");
        Files.write(garbage, new byte[] {1});
        CliRun c = run("view", garbage.toString(), "--out", dir.resolve("x.png").toString(), "--slice-axis", "axial,oblique");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("'oblique' is not a plane");
    }

    @Test
    void viewsANiftiFile() throws Exception {
        Path nii = dir.resolve("head.nii.gz");
        VolumeIO.write(nii, headWithMarker(20, 22, 18, Affine.diagonal(-1, 1, 1.5)));
        Path png = dir.resolve("head.png");
        CliRun c = run("view", nii.toString(), "--out", png.toString(), "--slice-axis", "Coronal,axial");
        assertThat(c.exit()).as(c.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        // Coronal 20 x 27 mm, gap, axial 20 x 22 mm.
        assertThat(img.getWidth()).isEqualTo(20 + ViewCommand.GAP + 20);
        assertThat(img.getHeight()).isEqualTo(27);
    }

    /**
     * A 4D file written by hand (nifti1.h offsets): 8x8x8 voxels x 2 volumes, float32, volume 0
     * empty and volume 1 a ramp along x. {@code --volume} picks which is drawn; an index past
     * the end is a one-line error.
     */
    @Test
    void volumeChoosesTheVolumeOfA4dFile() throws Exception {
        int n = 8;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(352 + 2 * n * n * n * 4)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 348);
        short[] dim = {4, (short) n, (short) n, (short) n, 2, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
            b.putFloat(76 + 4 * i, i == 0 || i > 4 ? 0 : 1);
        }
        b.putShort(70, (short) 16).putShort(72, (short) 32).putFloat(108, 352).put(344, (byte) 'n')
            .put(345, (byte) '+').put(346, (byte) '1');
        for (int i = 0; i < n * n * n; i++) {
            b.putFloat(352 + 4 * (n * n * n + i), 1 + i % n);
        }
        Path nii = Files.write(dir.resolve("four.nii"), b.array());

        Path first = dir.resolve("v0.png");
        Path second = dir.resolve("v1.png");
        assertThat(run("view", nii.toString(), "--out", first.toString(), "--slice-axis", "axial").exit()).isZero();
        assertThat(run("view", nii.toString(), "--out", second.toString(), "--slice-axis", "axial", "--volume", "1")
            .exit()).isZero();
        BufferedImage empty = ImageIO.read(first.toFile());
        BufferedImage ramp = ImageIO.read(second.toFile());
        // volume 0 is all zeros: black; volume 1 grows from left (x = 0, patient's left) to right
        assertThat(empty.getRaster().getSample(n - 1, 3, 0)).isZero();
        assertThat(ramp.getRaster().getSample(0, 3, 0)).isZero();
        assertThat(ramp.getRaster().getSample(n - 1, 3, 0)).isEqualTo(255);

        CliRun past = run("view", nii.toString(), "--out", dir.resolve("v2.png").toString(), "--volume", "2");
        assertThat(past.exit()).isEqualTo(2);
        assertThat(past.err().strip()).doesNotContain("\n").contains("four.nii")
            .contains("volume index 2 is out of range");
    }

    /**
     * A dim textured "head" with a bright box reaching from the centre into the anterior,
     * superior, right octant: it crosses all three mid-slices there.
     */
    private static Volume headWithMarker(int nx, int ny, int nz, Affine affine) {
        Volume v = new Volume(nx, ny, nz, affine);
        double[] centre = affine.apply((nx - 1) / 2.0, (ny - 1) / 2.0, (nz - 1) / 2.0);
        double[] sizes = affine.voxelSizes();
        // At least 5 voxels along each axis: over 1% of the volume, so the 99th percentile (white) is the marker's.
        double reach = 5 * Math.max(sizes[0], Math.max(sizes[1], sizes[2]));
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double[] w = affine.apply(x, y, z);
                    double[] d = {w[0] - centre[0], w[1] - centre[1], w[2] - centre[2]};
                    boolean marker = true;
                    for (int a = 0; a < 3; a++) {
                        // From the centre (the n/2 mid-slice sits on or just past it) to a few voxels out.
                        marker &= d[a] >= -1e-6 && d[a] <= reach;
                    }
                    v.set(x, y, z, marker ? 1000 : 100 + (x + y + z) % 7);
                }
            }
        }
        return v;
    }

    /** Which quadrant of the panel holds the centroid of its white pixels. */
    private static String quadrant(BufferedImage img, Rectangle panel) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = panel.y; y < panel.y + panel.height; y++) {
            for (int x = panel.x; x < panel.x + panel.width; x++) {
                if (img.getRaster().getSample(x, y, 0) == 255) {
                    sx += x - panel.x;
                    sy += y - panel.y;
                    n++;
                }
            }
        }
        assertThat(n).as("marker visible in panel " + panel).isPositive();
        boolean right = sx / n > panel.width / 2.0;
        boolean bottom = sy / n > panel.height / 2.0;
        return (bottom ? "bottom" : "top") + "-" + (right ? "right" : "left");
    }

    private static int[] size(Rectangle r) {
        return new int[] {r.width, r.height};
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
