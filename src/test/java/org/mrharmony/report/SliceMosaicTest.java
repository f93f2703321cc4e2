package org.mrharmony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceMosaicTest {

    @TempDir
    Path dir;

    /**
     * A bright block in the anterior-right-superior octant, touching the mid-slices, must show
     * in the upper-right quadrant of every panel: axial (anterior up, subject's right on the
     * right), coronal (superior up, right on the right), sagittal (superior up, nose right).
     */
    @Test
    void markerInTheAnteriorRightSuperiorOctantAppearsUpperRightInEveryPlane() {
        int nx = 20;
        int ny = 24;
        int nz = 16;
        float[] data = new float[nx * ny * nz];
        java.util.Arrays.fill(data, 100f);
        for (int z = nz / 2; z < nz / 2 + 4; z++) {
            for (int y = ny / 2; y < ny / 2 + 4; y++) {
                for (int x = nx / 2; x < nx / 2 + 4; x++) {
                    data[x + nx * (y + ny * z)] = 1000f;
                }
            }
        }
        RasVolume volume = new RasVolume(nx, ny, nz, data, 1.0, 1.0, 2.0);
        MosaicSpec spec = MosaicSpec.orthogonal(
            MosaicRow.ofVolume("marker", volume, ImageKind.INTENSITY, new DisplayWindow(0, 1000)));

        BufferedImage image = SliceMosaic.render(spec);
        MosaicLayout layout = new MosaicLayout(spec);

        for (int c = 0; c < 3; c++) {
            Rectangle panel = layout.panel(0, c);
            int midX = panel.x + panel.width / 2;
            int midY = panel.y + panel.height / 2;
            String plane = OrthogonalSlices.PLANES.get(c);
            assertThat(brightPixels(image, midX, panel.y, panel.x + panel.width, midY)).as(plane + " upper right")
                .isGreaterThan(50);
            assertThat(brightPixels(image, panel.x, panel.y, midX, midY)).as(plane + " upper left").isZero();
            assertThat(brightPixels(image, panel.x, midY, midX, panel.y + panel.height)).as(plane + " lower left")
                .isZero();
            assertThat(brightPixels(image, midX, midY, panel.x + panel.width, panel.y + panel.height))
                .as(plane + " lower right").isZero();
        }
    }

    @Test
    void panelsKeepThePhysicalAspectOfAnisotropicVoxels() {
        RasVolume volume = new RasVolume(20, 24, 16, new float[20 * 24 * 16], 1.0, 1.0, 2.0);
        MosaicLayout layout = new MosaicLayout(MosaicSpec.orthogonal(MosaicRow.ofVolume("v", volume, ImageKind.INTENSITY)));

        Rectangle axial = layout.panel(0, 0);      // 20 mm x 24 mm
        Rectangle coronal = layout.panel(0, 1);    // 20 mm x 32 mm
        Rectangle sagittal = layout.panel(0, 2);   // 24 mm x 32 mm
        assertThat((double) axial.height / axial.width).isCloseTo(24.0 / 20.0, within(0.02));
        assertThat((double) coronal.height / coronal.width).isCloseTo(32.0 / 20.0, within(0.02));
        assertThat((double) sagittal.height / sagittal.width).isCloseTo(32.0 / 24.0, within(0.02));
        // one scale for all: the largest extent (32 mm) gets the default panel size
        assertThat(coronal.height).isEqualTo(MosaicSpec.DEFAULT_PANEL_PIXELS);
    }

    @Test
    void slicesAreCutFromTheRequestedIndicesInRasOrder() {
        // value = 100x + 10y + z identifies every voxel
        int nx = 3;
        int ny = 4;
        int nz = 5;
        float[] data = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    data[x + nx * (y + ny * z)] = 100 * x + 10 * y + z;
                }
            }
        }
        RasVolume v = new RasVolume(nx, ny, nz, data, 1, 1, 1);

        OrientedSlice axial = OrthogonalSlices.axial(v, 2);
        assertThat(axial.at(0, 0)).isEqualTo(0 * 100 + 3 * 10 + 2);     // top-left: left, anterior
        assertThat(axial.at(2, 3)).isEqualTo(2 * 100 + 0 * 10 + 2);     // bottom-right: right, posterior
        OrientedSlice coronal = OrthogonalSlices.coronal(v, 1);
        assertThat(coronal.at(0, 0)).isEqualTo(0 * 100 + 1 * 10 + 4);   // top-left: left, superior
        assertThat(coronal.at(2, 4)).isEqualTo(2 * 100 + 1 * 10 + 0);
        OrientedSlice sagittal = OrthogonalSlices.sagittal(v, 1);
        assertThat(sagittal.at(0, 0)).isEqualTo(1 * 100 + 0 * 10 + 4);  // top-left: posterior, superior
        assertThat(sagittal.at(3, 4)).isEqualTo(1 * 100 + 3 * 10 + 0);  // bottom-right: anterior, inferior
        assertThatThrownBy(() -> OrthogonalSlices.axial(v, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void differenceRowsUseBlueWhiteRedOnASymmetricWindow() throws IOException {
        // left third negative, middle zero, right third positive
        float[] pixels = new float[30 * 10];
        for (int row = 0; row < 10; row++) {
            for (int col = 0; col < 30; col++) {
                pixels[row * 30 + col] = col < 10 ? -0.5f : col < 20 ? 0f : 0.5f;
            }
        }
        MosaicRow row = MosaicRow.ofSlices("difference", List.of(new OrientedSlice(30, 10, pixels)),
            ImageKind.DIFFERENCE);
        assertThat(row.window()).isEqualTo(new DisplayWindow(-0.5, 0.5));
        MosaicSpec spec = new MosaicSpec(List.of("axial"), List.of(row), 120);
        Path png = dir.resolve("difference.png");

        SliceMosaic.writePng(spec, png);

        BufferedImage image = ImageIO.read(png.toFile());
        Rectangle panel = new MosaicLayout(spec).panel(0, 0);
        int third = panel.width / 3;
        assertThat(ImageChecks.pixelsNear(image, new Color(ColourMaps.NEGATIVE), 2, panel.x, panel.y,
            panel.x + third - 2, panel.y + panel.height)).isGreaterThan(third * panel.height / 2);
        assertThat(ImageChecks.pixelsNear(image, Color.WHITE, 2, panel.x + third + 2, panel.y,
            panel.x + 2 * third - 2, panel.y + panel.height)).isGreaterThan(third * panel.height / 2);
        assertThat(ImageChecks.pixelsNear(image, new Color(ColourMaps.POSITIVE), 2, panel.x + 2 * third + 2, panel.y,
            panel.x + panel.width, panel.y + panel.height)).isGreaterThan(third * panel.height / 2);
    }

    @Test
    void automaticWindowsIgnoreBackgroundAndOutliers() {
        float[] values = new float[10_000];
        for (int i = 5_000; i < values.length; i++) {
            values[i] = 100 + (i % 100);             // tissue 100..199, half the volume background
        }
        values[9_999] = 1e6f;                          // one hot voxel
        DisplayWindow window = DisplayWindow.robust(values);
        assertThat(window.low()).isBetween(100.0, 101.0);
        assertThat(window.high()).isBetween(198.0, 200.0);

        float[] differences = new float[1000];
        for (int i = 0; i < 1000; i++) {
            differences[i] = (i % 2 == 0 ? -1 : 1) * (i / 10f);   // |d| up to 99.9
        }
        DisplayWindow symmetric = DisplayWindow.symmetric(differences);
        assertThat(symmetric.high()).isEqualTo(-symmetric.low());
        assertThat(symmetric.high()).isBetween(98.0, 99.9);
    }

    @Test
    void rowsMustHaveOnePanelPerColumn() {
        MosaicRow row = MosaicRow.ofSlices("a", List.of(new OrientedSlice(2, 2, new float[4])), ImageKind.INTENSITY);
        assertThatThrownBy(() -> MosaicSpec.orthogonal(row))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' has 1 panels for 3 columns");
    }

    @Test
    void sampleMosaicOfAPhantomLooksLikeABrain() throws IOException {
        Phantom truth = Phantom.brain(48, 56, 40, 0);
        RasVolume source = Phantom.restyle(truth.volume(), 1.8, 40, 0.08, 11);
        RasVolume harmonized = Phantom.restyle(truth.volume(), 1.0, 0, 0.03, 12);
        MosaicSpec spec = MosaicSpec.orthogonal(
            MosaicRow.ofVolume("source", source, ImageKind.INTENSITY),
            MosaicRow.ofVolume("harmonized", harmonized, ImageKind.INTENSITY),
            MosaicRow.ofVolume("truth", truth.volume(), ImageKind.INTENSITY),
            MosaicRow.ofVolume("difference", RasVolume.difference(harmonized, truth.volume()), ImageKind.DIFFERENCE));
        Path png = dir.resolve("mosaic.png");

        SliceMosaic.writePng(spec, png);

        BufferedImage image = ImageIO.read(png.toFile());
        MosaicLayout layout = new MosaicLayout(spec);
        assertThat(image.getWidth()).isEqualTo(layout.width());
        assertThat(image.getHeight()).isEqualTo(layout.height());
        assertThat(ImageChecks.distinctColours(image)).isGreaterThan(200);
        SampleOutput.keep(png);
    }

    private static int brightPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (((image.getRGB(x, y) >> 16) & 0xFF) > 200) {
                    n++;
                }
            }
        }
        return n;
    }
}
