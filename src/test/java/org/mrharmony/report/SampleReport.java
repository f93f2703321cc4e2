package org.mrharmony.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A realistic-looking report built from synthetic data, for the browser test and the docs screenshot. */
final class SampleReport {

    static final List<String> METHODS = List.of("none", "z-score", "WhiteStripe", "Nyúl", "StarGAN-TC");

    private SampleReport() {
    }

    /** Writes inputs (charts, mosaic, volumes) into {@code inputs} and returns the content referring to them. */
    static ReportContent build(Path inputs) throws IOException {
        Files.createDirectories(inputs);
        Phantom truth = Phantom.brain(40, 48, 36, 1);
        RasVolume source = Phantom.restyle(truth.volume(), 1.8, 40, 0.08, 11);
        RasVolume harmonized = Phantom.restyle(truth.volume(), 1.0, 0, 0.04, 12);
        RasVolume difference = RasVolume.difference(harmonized, truth.volume());

        Path mosaic = inputs.resolve("mosaic.png");
        SliceMosaic.writePng(MosaicSpec.orthogonal(
            MosaicRow.ofVolume("source (site B)", source, ImageKind.INTENSITY),
            MosaicRow.ofVolume("harmonized", harmonized, ImageKind.INTENSITY),
            MosaicRow.ofVolume("truth (site A)", truth.volume(), ImageKind.INTENSITY),
            MosaicRow.ofVolume("difference", difference, ImageKind.DIFFERENCE)), mosaic);

        Random random = new Random(5);
        double[] steps = new double[100];
        double[] ssim = new double[100];
        double[] adv = new double[100];
        double[] cyc = new double[100];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i * 50;
            ssim[i] = 0.48 + 0.17 * (1 - Math.exp(-i / 30.0)) + 0.01 * random.nextGaussian();
            adv[i] = 1.4 * Math.exp(-i / 40.0) + 0.6 + 0.05 * random.nextGaussian();
            cyc[i] = 0.3 * Math.exp(-i / 25.0) + 0.03 + 0.005 * random.nextGaussian();
        }
        Path curves = inputs.resolve("training.png");
        ChartFiles.writePng(CurveChart.create(CurveChartSpec.trainingCurves("Training losses",
            List.of(new Series("adversarial (G)", steps, adv), new Series("cycle", steps, cyc)), true)), curves, 640, 380);
        Path validation = inputs.resolve("validation.png");
        ChartFiles.writePng(CurveChart.create(CurveChartSpec.validationCurve("Validation SSIM (brain)", "SSIM",
            List.of(new Series("StarGAN-TC", steps, ssim)),
            List.of(new ReferenceLine("none", 0.48), new ReferenceLine("Nyúl", 0.88)))), validation, 640, 380);

        List<BoxSample> boxes = new ArrayList<>();
        double[] centre = {0.48, 0.70, 0.78, 0.88, 0.64};
        for (int m = 0; m < METHODS.size(); m++) {
            double[] values = new double[10];
            for (int i = 0; i < values.length; i++) {
                values[i] = centre[m] + 0.03 * random.nextGaussian();
            }
            boxes.add(new BoxSample(METHODS.get(m), values));
        }
        Path box = inputs.resolve("ssim-box.png");
        ChartFiles.writePng(BoxPlotChart.create(new BoxPlotSpec("SSIM per travelling subject", "SSIM", boxes)), box,
            640, 380);
        Path confusion = inputs.resolve("confusion.png");
        ChartFiles.writePng(ConfusionMatrixChart.create(new ConfusionMatrixSpec("Site classifier after StarGAN-TC",
            List.of("ADNI", "GSEV", "SMC", "GMC"),
            new long[][] {{9, 5, 3, 3}, {4, 8, 4, 4}, {5, 4, 7, 4}, {3, 5, 4, 8}})), confusion, 520, 440);

        Path volumes = inputs.resolve("volumes");
        Files.createDirectories(volumes);
        Path sourceFile = TinyNifti.writeGz(volumes.resolve("source.nii.gz"), source);
        Path harmonizedFile = TinyNifti.writeGz(volumes.resolve("harmonized.nii.gz"), harmonized);
        Path truthFile = TinyNifti.writeGz(volumes.resolve("truth.nii.gz"), truth.volume());
        Path differenceFile = TinyNifti.writeGz(volumes.resolve("difference.nii.gz"), difference);

        Map<String, MetricValue> ssimRow = new LinkedHashMap<>();
        Map<String, MetricValue> maeRow = new LinkedHashMap<>();
        double[] mae = {0.21, 0.09, 0.07, 0.05, 0.08};
        for (int m = 0; m < METHODS.size(); m++) {
            ssimRow.put(METHODS.get(m), MetricValue.of(centre[m], 0.03));
            maeRow.put(METHODS.get(m), MetricValue.of(mae[m], 0.01));
        }
        Map<String, Double> accuracy = new LinkedHashMap<>();
        accuracy.put("none", 0.97);
        accuracy.put("Nyúl", 0.61);
        accuracy.put("StarGAN-TC", 0.40);
        MetricsTable table = new MetricsTable(METHODS, List.of(
            new Metric("SSIM in brain", Better.HIGHER, 3, ssimRow),
            new Metric("MAE in brain", Better.LOWER, 3, maeRow),
            Metric.of("site classifier accuracy (chance 0.25)", Better.LOWER, accuracy)));

        return ReportContent.builder("Harmonization to site A — synthetic travelling subjects")
            .summary("Ten synthetic travelling subjects scanned at four simulated sites, harmonized to site A.\n\n"
                + "Similarity is measured inside the brain mask against the same subject's site-A scan.")
            .note("Trained 15 min on 2 CPU cores (1,800 iterations): the GAN is below Nyúl histogram matching on SSIM and MAE.")
            .note("The site classifier is closest to chance after StarGAN-TC: style removed, but anatomy fidelity lags.")
            .metrics(table)
            .figure(mosaic, "Mid slices of one subject: source, harmonized, target-site truth and harmonized − truth.")
            .figure(validation, "Validation SSIM during training, with the untouched source (none) and Nyúl as reference.")
            .figure(box, "SSIM per travelling subject and method.")
            .figure(curves, "Training losses (log scale).")
            .figure(confusion, "Site classifier on harmonized images: rows true site, columns predicted.")
            .viewerVolume(ViewerVolume.intensity("source (site B)", sourceFile))
            .viewerVolume(ViewerVolume.intensity("harmonized", harmonizedFile))
            .viewerVolume(ViewerVolume.intensity("truth (site A)", truthFile))
            .viewerVolume(ViewerVolume.difference("harmonized − truth", differenceFile))
            .build();
    }
}
