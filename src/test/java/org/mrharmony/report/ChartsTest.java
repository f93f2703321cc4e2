package org.mrharmony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @TempDir
    Path dir;

    @Test
    void trainingCurvesOnLogAxisBecomeAPngOfTheRequestedSizeInTheSeriesColours() throws IOException {
        double[] steps = new double[200];
        double[] adversarial = new double[200];
        double[] cycle = new double[200];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i * 10;
            adversarial[i] = 2.0 * Math.exp(-i / 60.0) + 0.3;
            cycle[i] = 0.5 * Math.exp(-i / 30.0) + 0.01;
        }
        cycle[50] = Double.NaN; // a gap, not an error
        adversarial[60] = 0;    // not drawable on a log axis: a gap too
        JFreeChart chart = CurveChart.create(CurveChartSpec.trainingCurves("losses",
            List.of(new Series("adversarial", steps, adversarial), new Series("cycle", steps, cycle)), true));

        BufferedImage image = writeAndRead(chart, "curves.png", 640, 400);

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(ImageChecks.distinctColours(image)).isGreaterThan(20);
        assertThat(ImageChecks.pixelsNear(image, Palette.colour(0), 10)).isGreaterThan(200);
        assertThat(ImageChecks.pixelsNear(image, Palette.colour(1), 10)).isGreaterThan(200);
    }

    @Test
    void validationCurveDrawsBaselinesAndWidensTheAxisToShowThem() throws IOException {
        double[] steps = {0, 500, 1000, 1500, 2000};
        double[] ssim = {0.40, 0.52, 0.60, 0.63, 0.64};
        CurveChartSpec spec = CurveChartSpec.validationCurve("validation", "SSIM", List.of(new Series("GAN", steps, ssim)),
            List.of(new ReferenceLine("none", 0.48), new ReferenceLine("nyul", 0.88)));
        JFreeChart chart = CurveChart.create(spec);

        assertThat(chart.getXYPlot().getRangeAxis().getUpperBound()).isGreaterThan(0.88);
        assertThat(chart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(2);
        BufferedImage image = writeAndRead(chart, "validation.png", 500, 300);
        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(ImageChecks.pixelsNear(image, Palette.colour(0), 10)).isGreaterThan(100);
        assertThat(ImageChecks.pixelsNear(image, CurveChart.REFERENCE_COLOUR, 12)).isGreaterThan(100);
    }

    @Test
    void boxPlotShowsEveryMethodInItsColour() throws IOException {
        Random random = new Random(7);
        List<String> methods = List.of("none", "nyul", "stargan-tc");
        List<BoxSample> samples = new java.util.ArrayList<>();
        for (int m = 0; m < methods.size(); m++) {
            for (String site : List.of("site B", "site C")) {
                double[] values = new double[12];
                for (int i = 0; i < values.length; i++) {
                    values[i] = 0.5 + 0.15 * m + 0.05 * random.nextGaussian();
                }
                samples.add(new BoxSample(methods.get(m), site, values));
            }
        }
        JFreeChart chart = BoxPlotChart.create(new BoxPlotSpec("SSIM per subject", "SSIM", samples));

        BufferedImage image = writeAndRead(chart, "box.png", 700, 420);

        assertThat(image.getWidth()).isEqualTo(700);
        assertThat(image.getHeight()).isEqualTo(420);
        assertThat(ImageChecks.distinctColours(image)).isGreaterThan(20);
        for (int m = 0; m < methods.size(); m++) {
            assertThat(ImageChecks.pixelsNear(image, Palette.colour(m), 8)).as(methods.get(m)).isGreaterThan(30);
        }
    }

    @Test
    void histogramPanelsKeepEachSitesColourAcrossPanels() throws IOException {
        Random random = new Random(3);
        float[] siteA = gaussian(random, 20000, 300, 60);
        float[] siteB = gaussian(random, 20000, 700, 120);
        float[] harmonizedB = gaussian(random, 20000, 305, 62);
        HistogramSpec spec = HistogramSpec.of("intensities", List.of(
            new HistogramPanel("before", List.of(new IntensitySample("A", siteA), new IntensitySample("B", siteB))),
            new HistogramPanel("after", List.of(new IntensitySample("A", siteA), new IntensitySample("B", harmonizedB)))));
        JFreeChart chart = IntensityHistogramChart.create(spec);

        BufferedImage image = writeAndRead(chart, "hist.png", 900, 380);

        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(380);
        int half = image.getWidth() / 2;
        for (int site = 0; site < 2; site++) {
            Color colour = Palette.colour(site);
            assertThat(ImageChecks.pixelsNear(image, colour, 10, 0, 0, half, image.getHeight())).isGreaterThan(100);
            assertThat(ImageChecks.pixelsNear(image, colour, 10, half, 0, image.getWidth(), image.getHeight()))
                .isGreaterThan(100);
        }
    }

    @Test
    void histogramDisplayRangeCoversEverySiteButSkipsBackgroundZeros() {
        float[] low = new float[1000];
        float[] high = new float[1000];
        for (int i = 0; i < 1000; i++) {
            low[i] = i < 500 ? 0f : 10 + i % 10;   // half background
            high[i] = 100 + i % 50;
        }
        double[] range = IntensityHistogramChart.displayRange(new HistogramPanel("p",
            List.of(new IntensitySample("a", low), new IntensitySample("b", high))), true);

        assertThat(range[0]).isBetween(10.0, 10.1);
        assertThat(range[1]).isBetween(148.5, 149.0);
    }

    @Test
    void histogramBinsAreFractionsOfAllCountedValues() {
        float[] values = {0.5f, 1.5f, 1.5f, 2.5f, 99f, 0f, Float.NaN};
        Histogram histogram = Histogram.of(values, 3, 0, 3, true);

        // 5 counted (the zero and the NaN are skipped), 99 lies outside every bin
        assertThat(histogram.fractions()).containsExactly(0.2, 0.4, 0.2);
        assertThat(histogram.binCentre(1)).isEqualTo(1.5);
    }

    @Test
    void confusionMatrixHeatMapHasDarkDiagonalAndCorrectStatistics() throws IOException {
        ConfusionMatrixSpec spec = new ConfusionMatrixSpec("site classifier", List.of("ADNI", "GSEV", "SMC"),
            new long[][] {{18, 1, 1}, {2, 16, 2}, {0, 0, 20}});
        assertThat(spec.accuracy()).isEqualTo(54.0 / 60.0);
        assertThat(spec.rowFraction(1, 0)).isEqualTo(0.1);

        BufferedImage image = writeAndRead(ConfusionMatrixChart.create(spec), "confusion.png", 520, 480);

        assertThat(image.getWidth()).isEqualTo(520);
        assertThat(image.getHeight()).isEqualTo(480);
        // the SMC row is 100% correct: its cell is the darkest shade
        assertThat(ImageChecks.pixelsNear(image, new Color(0x08306B), 3)).isGreaterThan(1000);
        assertThat(ImageChecks.distinctColours(image)).isGreaterThan(10);
    }

    @Test
    void confusionMatrixRejectsARaggedMatrix() {
        assertThatThrownBy(() -> new ConfusionMatrixSpec("c", List.of("a", "b"), new long[][] {{1, 2}, {3}}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        float[] values = new float[101];
        for (int i = 0; i < values.length; i++) {
            values[100 - i] = i; // reversed: the class must sort
        }
        Percentiles p = Percentiles.of(values, false);
        assertThat(p.at(50)).isEqualTo(50.0);
        assertThat(p.at(99.5)).isEqualTo(99.5);
        assertThat(Percentiles.of(values, true).at(0)).isEqualTo(1.0);
    }

    @Test
    void percentilesOfAHugeArraySampleTheWholeArray() {
        // more than MAX_SAMPLES values, ascending: a sample of only the beginning would be far too low
        float[] values = new float[Percentiles.MAX_SAMPLES * 3 + 17];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        double median = Percentiles.of(values, false).at(50);
        assertThat(median).isCloseTo(values.length / 2.0, org.assertj.core.data.Offset.offset(values.length * 0.001));
    }

    private static float[] gaussian(Random random, int n, double mean, double sd) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (mean + sd * random.nextGaussian());
        }
        return values;
    }

    private BufferedImage writeAndRead(JFreeChart chart, String name, int width, int height) throws IOException {
        Path png = dir.resolve(name);
        ChartFiles.writePng(chart, png, width, height);
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        SampleOutput.keep(png);
        return ImageIO.read(png.toFile());
    }
}
