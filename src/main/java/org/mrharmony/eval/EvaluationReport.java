package org.mrharmony.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.mrharmony.report.Better;
import org.mrharmony.report.BoxPlotChart;
import org.mrharmony.report.BoxPlotSpec;
import org.mrharmony.report.BoxSample;
import org.mrharmony.report.ChartFiles;
import org.mrharmony.report.ConfusionMatrixChart;
import org.mrharmony.report.ConfusionMatrixSpec;
import org.mrharmony.report.Figure;
import org.mrharmony.report.HistogramPanel;
import org.mrharmony.report.HistogramSpec;
import org.mrharmony.report.HtmlReportWriter;
import org.mrharmony.report.ImageKind;
import org.mrharmony.report.IntensityHistogramChart;
import org.mrharmony.report.IntensitySample;
import org.mrharmony.report.Metric;
import org.mrharmony.report.MetricValue;
import org.mrharmony.report.MetricsTable;
import org.mrharmony.report.MosaicRow;
import org.mrharmony.report.MosaicSpec;
import org.mrharmony.report.RasVolume;
import org.mrharmony.report.ReportContent;
import org.mrharmony.report.SliceMosaic;
import org.mrharmony.report.ViewerVolume;
import org.mrharmony.volume.Volume;
import org.mrharmony.volume.VolumeIO;

/**
 * Turns an {@link EvaluationResult} into {@code metrics.json} and {@code report.html}: the
 * metrics table, box plots, per-site intensity histograms, confusion matrices, orthogonal
 * mosaics of one scan through every method, and the side-by-side viewer.
 */
public final class EvaluationReport {

    /** The metric definitions, as printed in the report (and the README). */
    public static final List<String> DEFINITIONS = List.of(
        "SSIM / PSNR / MAE: the harmonized scan against the same subject's real scan at the target site, inside the "
            + "brain (truth labels > 0); SSIM 3D, Gaussian window sigma 1.5, K1 0.01, K2 0.03.",
        "Site accuracy: fraction of harmonized test scans the site classifier (a CNN over 2.5D stacks trained on the "
            + "unharmonized training scans of every site) still assigns to their original site; lower is better "
            + "(0 when everything looks like the target). Target rate: fraction assigned to the target site.",
        "Site-FID: Fréchet distance between the classifier's penultimate-layer features of the harmonized scans' "
            + "stacks and of the real target-site test scans' stacks; lower is better.",
        "W1: 1-Wasserstein distance between a source site's brain intensities (pooled over the test subjects) and the "
            + "real target-site scans', averaged over source sites; in the target's intensity units.",
        "GM / WM Dice: overlap of the tissue segmentations (GMM + Potts MRF) of the source scan and of its harmonized "
            + "version (anatomy kept = 1). 'vs truth': the harmonized scan's segmentation against the cohort's true "
            + "labels.",
        "Thickness MAE: mean over scans of |mean cortical thickness (harmonized) - mean cortical thickness "
            + "(source)| in mm, both measured on our segmentations; 'vs truth' compares with the true labels' thickness.",
        "Tissue volumes: CSF/GM/WM volumes (mL) of our segmentation of the harmonized scan. Volume error: mean over "
            + "the three tissues of |volume (harmonized) - volume (real target-site scan)| / volume (real target-site "
            + "scan), in %, both segmented by the same pipeline; volume change: the same against the source scan.",
        "Regional thickness MAE (with --atlas): the atlas resampled (nearest neighbour, through the affines) onto "
            + "each scan's grid; per region with at least " + RegionThickness.MIN_VOXELS + " measured cortex "
            + "voxels, the mean cortical thickness of the harmonized scan and of the real target-site scan; the mean "
            + "over regions of their absolute difference, in mm.",
        "Coherence: through-plane gradient anisotropy (mean squared neighbour difference along the slicing axis over "
            + "that in-plane, in the brain) of the harmonized scan divided by that of the real target-site scan: "
            + "1 = as coherent as a real scan, above 1 = slice-to-slice flicker. The table shows |coherence - 1|.");

    private EvaluationReport() {
    }

    /**
     * What a caller adds to the standard report (e.g. the demo's training story).
     *
     * @param notes   paragraphs after the summary
     * @param figures figures after the standard ones
     * @param run     extra fields of {@code metrics.json}'s {@code _run} object
     */
    public record Extras(List<String> notes, List<Figure> figures, Map<String, Object> run) {

        public Extras {
            notes = List.copyOf(notes);
            figures = List.copyOf(figures);
            run = Map.copyOf(run);
        }

        public static Extras none() {
            return new Extras(List.of(), List.of(), Map.of());
        }
    }

    /**
     * Writes {@code metrics.json}, the figures and {@code report.html} into {@code folder}.
     *
     * @param title   the report's title
     * @param summary what was evaluated, in a sentence or two
     * @return the report file
     */
    public static Path write(EvaluationResult result, Path folder, String title, String summary, Extras extras)
            throws IOException {
        Files.createDirectories(folder);
        result.writeJson(folder.resolve("metrics.json"), extras.run());
        List<String> notes = extras.notes();
        Path images = Files.createDirectories(folder.resolve("images"));
        EvaluationResult.Example ex = result.example();
        Path volumes = Files.createDirectories(folder.resolve("example"));

        ReportContent.Builder content = ReportContent.builder(title).summary(summary);
        notes.forEach(content::note);
        content.metrics(table(result));
        coherenceComparison(result).ifPresent(content::note);
        content.note(volumesNote(result));
        if (!result.regionNames().isEmpty()) {
            content.table("Cortical thickness per atlas region: |harmonized - real target-site scan| (mm)",
                regionTable(result));
        }

        Path mosaic = images.resolve("mosaic.png");
        SliceMosaic.writePng(MosaicSpec.orthogonal(mosaicRows(result)), mosaic);
        content.figure(mosaic, "Subject " + ex.subject() + " scanned at " + ex.sourceSite() + ": the source, every "
            + "method's output, the real " + result.target() + " scan (truth), and each minus the truth.");

        Path boxes = images.resolve("box-ssim.png");
        ChartFiles.writePng(BoxPlotChart.create(new BoxPlotSpec("SSIM to the truth, per test scan", "SSIM (brain)",
            samples(result, EvaluationRow::ssim))), boxes, 760, 380);
        content.figure(boxes, "SSIM of every harmonized test scan to its travelling-subject truth.");
        Path dice = images.resolve("box-gm-dice.png");
        ChartFiles.writePng(BoxPlotChart.create(new BoxPlotSpec("GM Dice, source vs harmonized", "GM Dice",
            samples(result, EvaluationRow::gmDice))), dice, 760, 380);
        content.figure(dice, "Grey-matter Dice between the segmentations of each source scan and its harmonized version.");

        Path coherence = images.resolve("box-coherence.png");
        ChartFiles.writePng(BoxPlotChart.create(new BoxPlotSpec("Through-plane coherence relative to the real scan",
            "coherence (1 = real)", samples(result, EvaluationRow::coherence))), coherence, 760, 380);
        content.figure(coherence, "Through-plane coherence of every harmonized test scan relative to the real "
            + result.target() + " scan (1 = as coherent as a real scan, above 1 = slice-to-slice flicker).");

        Path hist = images.resolve("histograms.png");
        ChartFiles.writePng(IntensityHistogramChart.create(HistogramSpec.of("Brain intensities per site",
            histogramPanels(result))), hist, 760, 260 * result.intensities().size());
        content.figure(hist, "Brain intensity distributions per site: before (none) and after each method; the "
            + result.target() + " curve is the real target-site scans.");

        Path before = images.resolve("confusion-unharmonized.png");
        ChartFiles.writePng(ConfusionMatrixChart.create(new ConfusionMatrixSpec("Unharmonized test scans (all sites)",
            result.sites(), result.classifier().confusion())), before, 420, 380);
        content.figure(before, String.format(Locale.ROOT, "Site classifier (%s, %d steps) on unharmonized test scans "
            + "of every site: accuracy %.2f (chance %.2f). Rows: true site; columns: predicted.",
            result.classifier().architecture(), result.classifier().steps(), result.classifier().testAccuracy(),
            1.0 / result.sites().size()));
        for (MethodMetrics m : result.methods()) {
            Path png = images.resolve("confusion-" + m.method() + ".png");
            ChartFiles.writePng(ConfusionMatrixChart.create(new ConfusionMatrixSpec("After " + m.method(),
                result.sites(), m.confusion())), png, 420, 380);
            content.figure(png, String.format(Locale.ROOT, "Site classifier on the test scans harmonized to %s by %s: "
                + "%.0f%% still at their own site, %.0f%% called %s.", result.target(), m.method(),
                100 * m.siteAccuracy(), 100 * m.targetRate(), result.target()));
        }

        String exampleName = ex.subject() + "_" + ex.sourceSite();
        Path sourceFile = volumes.resolve(exampleName + "_source.nii.gz");
        Path truthFile = volumes.resolve(ex.subject() + "_" + result.target() + "_truth.nii.gz");
        VolumeIO.write(sourceFile, ex.source());
        VolumeIO.write(truthFile, ex.truth());
        content.viewerVolume(ViewerVolume.intensity("source " + ex.sourceSite(), sourceFile));
        String shown = ex.harmonized().containsKey("gan") ? "gan" : lastMethod(result);
        if (!"none".equals(shown)) {
            Path file = volumes.resolve(exampleName + "_" + shown + ".nii.gz");
            VolumeIO.write(file, ex.harmonized().get(shown));
            content.viewerVolume(ViewerVolume.intensity(shown, file));
        }
        content.viewerVolume(ViewerVolume.intensity("truth " + result.target(), truthFile));
        extras.figures().forEach(content::figure);
        DEFINITIONS.forEach(content::note);
        return HtmlReportWriter.write(content.build(), folder);
    }

    private static String lastMethod(EvaluationResult result) {
        return result.methods().get(result.methods().size() - 1).method();
    }

    static MetricsTable table(EvaluationResult r) {
        List<String> ids = r.methods().stream().map(MethodMetrics::method).toList();
        List<Metric> rows = new ArrayList<>();
        rows.add(metric(r, "SSIM in brain vs truth", Better.HIGHER, 4, m -> MetricValue.of(m.ssim(), m.ssimSd())));
        rows.add(metric(r, "PSNR in brain (dB)", Better.HIGHER, 2, m -> MetricValue.of(m.psnr(), m.psnrSd())));
        rows.add(metric(r, "MAE in brain", Better.LOWER, 2, m -> MetricValue.of(m.mae(), m.maeSd())));
        rows.add(metric(r, "Site accuracy (original site)", Better.LOWER, 2, m -> MetricValue.of(m.siteAccuracy())));
        rows.add(metric(r, "Target rate (called " + r.target() + ")", Better.HIGHER, 2,
            m -> MetricValue.of(m.targetRate())));
        rows.add(metric(r, "Site-FID", Better.LOWER, 2, m -> MetricValue.of(m.siteFid())));
        rows.add(metric(r, "W1 to target intensities", Better.LOWER, 2, m -> MetricValue.of(m.w1())));
        rows.add(metric(r, "GM Dice source vs harmonized", Better.HIGHER, 3,
            m -> MetricValue.of(m.gmDice(), m.gmDiceSd())));
        rows.add(metric(r, "WM Dice source vs harmonized", Better.HIGHER, 3,
            m -> MetricValue.of(m.wmDice(), m.wmDiceSd())));
        rows.add(metric(r, "GM Dice vs truth labels", Better.HIGHER, 3, m -> MetricValue.of(m.gmDiceTruth())));
        rows.add(metric(r, "WM Dice vs truth labels", Better.HIGHER, 3, m -> MetricValue.of(m.wmDiceTruth())));
        rows.add(metric(r, "Thickness MAE vs source (mm)", Better.LOWER, 3,
            m -> MetricValue.of(m.thicknessMaeMm(), m.thicknessMaeMmSd())));
        rows.add(metric(r, "Thickness MAE vs truth (mm)", Better.LOWER, 3,
            m -> MetricValue.of(m.thicknessTruthMaeMm())));
        rows.add(metric(r, "|Coherence - 1|", Better.LOWER, 3, m -> MetricValue.of(Math.abs(m.coherence() - 1))));
        rows.add(metric(r, "Tissue volume error vs truth scan (%)", Better.LOWER, 2,
            m -> MetricValue.of(m.volumeErrorPct(), m.volumeErrorPctSd())));
        rows.add(metric(r, "Tissue volume change vs source (%)", Better.LOWER, 2,
            m -> MetricValue.of(m.volumeChangePct())));
        if (!r.regionNames().isEmpty()) {
            rows.add(metric(r, "Regional thickness MAE vs truth scan (mm)", Better.LOWER, 3,
                m -> MetricValue.of(m.thicknessRegionMaeMm())));
        }
        return new MetricsTable(ids, rows);
    }

    /**
     * The sentence that answers "what does the temporal coherence loss do": each GAN model's
     * coherence beside its λ_tc, and "with the TC loss x, without y" when exactly one model was
     * trained with λ_tc = 0 and one with λ_tc > 0. Empty with fewer than two GAN models.
     */
    public static Optional<String> coherenceComparison(EvaluationResult r) {
        List<EvaluationResult.GanModel> gans = r.ganModels().stream()
            .filter(g -> r.methods().stream().anyMatch(m -> m.method().equals(g.method()))).toList();
        if (gans.size() < 2) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("Through-plane coherence of the GAN models (relative to the real "
            + r.target() + " scan, 1 = as coherent as a real scan): ");
        List<String> parts = new ArrayList<>();
        for (EvaluationResult.GanModel g : gans) {
            MethodMetrics m = r.method(g.method());
            parts.add(String.format(Locale.ROOT, "%s (lambda_tc %s, %d steps) %.3f ± %.3f", g.method(),
                Double.isNaN(g.lambdaTc()) ? "not recorded" : String.format(Locale.ROOT, "%g", g.lambdaTc()).replaceAll("\\.?0+$", ""), g.step(), m.coherence(),
                m.coherenceSd()));
        }
        text.append(String.join("; ", parts)).append('.');
        List<EvaluationResult.GanModel> with = gans.stream().filter(g -> g.lambdaTc() > 0).toList();
        List<EvaluationResult.GanModel> without = gans.stream().filter(g -> g.lambdaTc() == 0).toList();
        if (with.size() == 1 && without.size() == 1) {
            MethodMetrics a = r.method(with.get(0).method());
            MethodMetrics b = r.method(without.get(0).method());
            text.append(String.format(Locale.ROOT, " Coherence with the TC loss %.3f (%s), without %.3f (%s). ",
                a.coherence(), a.method(), b.coherence(), b.method())).append(pairedVerdict(r.rows(), a.method(),
                b.method()));
        }
        return Optional.of(text.toString());
    }

    /**
     * Whether the TC loss made the re-stacked volumes more like a real scan through-plane, judged
     * per scan: the same subject and source site harmonized by both models, |coherence - 1|
     * compared pairwise (the spread across scans is mostly between source sites, not models).
     * "Closer" only when the mean paired gain exceeds twice its standard error.
     */
    static String pairedVerdict(List<EvaluationRow> rows, String with, String without) {
        Map<String, Double> other = new HashMap<>();
        for (EvaluationRow row : rows) {
            if (row.method().equals(without)) {
                other.put(row.subject() + "/" + row.sourceSite(), Math.abs(row.coherence() - 1));
            }
        }
        List<Double> gains = new ArrayList<>();
        int closer = 0;
        for (EvaluationRow row : rows) {
            Double b = row.method().equals(with) ? other.get(row.subject() + "/" + row.sourceSite()) : null;
            if (b != null && Double.isFinite(b) && Double.isFinite(row.coherence())) {
                double gain = b - Math.abs(row.coherence() - 1);
                gains.add(gain);
                closer += gain > 0 ? 1 : 0;
            }
        }
        if (gains.size() < 2) {
            return "Too few paired scans to compare.";
        }
        double mean = gains.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = gains.stream().mapToDouble(g -> (g - mean) * (g - mean)).sum() / (gains.size() - 1);
        double se = Math.sqrt(var / gains.size());
        String verdict = mean > 2 * se ? "the TC loss brings the stacks closer to a real scan's through-plane smoothness"
            : mean < -2 * se ? "the TC loss makes the stacks less like a real scan through-plane"
            : "no clear difference (within twice the standard error)";
        return String.format(Locale.ROOT, "Paired over %d scans, |coherence - 1| is %.4f ± %.4f (mean ± s.e.) smaller "
            + "with the TC loss, closer in %d of %d: %s.", gains.size(), mean, se, closer, gains.size(), verdict);
    }

    /** Mean tissue volumes per method, in one sentence. */
    static String volumesNote(EvaluationResult r) {
        List<String> parts = new ArrayList<>();
        for (MethodMetrics m : r.methods()) {
            parts.add(String.format(Locale.ROOT, "%s %.0f / %.0f / %.0f", m.method(), m.gmVolumeMl(), m.wmVolumeMl(),
                m.csfVolumeMl()));
        }
        return "Mean tissue volumes of the harmonized scans' segmentations, GM / WM / CSF in mL: "
            + String.join("; ", parts) + ".";
    }

    /** One row per atlas region measured: its truth-scan thickness in the name, each method's mean |difference|. */
    static MetricsTable regionTable(EvaluationResult r) {
        Map<Integer, double[]> truth = new TreeMap<>();
        for (EvaluationRow row : r.rows()) {
            row.regionTruthThicknessMm().forEach((region, mm) -> {
                double[] a = truth.computeIfAbsent(region, k -> new double[2]);
                a[0]++;
                a[1] += mm;
            });
        }
        List<Metric> rows = new ArrayList<>();
        r.regionNames().forEach((region, name) -> {
            double[] t = truth.get(region);
            String label = t == null ? name
                : String.format(Locale.ROOT, "%s (truth scan %.2f mm)", name, t[1] / t[0]);
            rows.add(metric(r, label, Better.LOWER, 2,
                m -> MetricValue.of(m.regionThicknessMaeMm().getOrDefault(region, Double.NaN))));
        });
        return new MetricsTable(r.methods().stream().map(MethodMetrics::method).toList(), rows);
    }

    private static Metric metric(EvaluationResult r, String name, Better better, int decimals,
                                 java.util.function.Function<MethodMetrics, MetricValue> value) {
        Map<String, MetricValue> byMethod = new LinkedHashMap<>();
        r.methods().forEach(m -> byMethod.put(m.method(), value.apply(m)));
        return new Metric(name, better, decimals, byMethod);
    }

    private static List<BoxSample> samples(EvaluationResult r, ToDoubleFunction<EvaluationRow> f) {
        return r.methods().stream()
            .map(m -> new BoxSample(m.method(), r.rows(m.method()).stream().mapToDouble(f).toArray())).toList();
    }

    private static List<HistogramPanel> histogramPanels(EvaluationResult r) {
        List<HistogramPanel> panels = new ArrayList<>();
        r.intensities().forEach((method, bySite) -> {
            List<IntensitySample> samples = new ArrayList<>();
            bySite.forEach((site, values) -> samples.add(new IntensitySample(site, values)));
            panels.add(new HistogramPanel("none".equals(method) ? "before (none)" : "after " + method, samples));
        });
        return panels;
    }

    private static List<MosaicRow> mosaicRows(EvaluationResult r) {
        EvaluationResult.Example ex = r.example();
        RasVolume truth = ras(ex.truth());
        RasVolume source = ras(ex.source());
        List<MosaicRow> rows = new ArrayList<>();
        rows.add(MosaicRow.ofVolume("source " + ex.sourceSite(), source, ImageKind.INTENSITY));
        ex.harmonized().forEach((method, v) -> {
            if (!"none".equals(method)) {
                rows.add(MosaicRow.ofVolume(method, ras(v), ImageKind.INTENSITY));
            }
        });
        rows.add(MosaicRow.ofVolume("truth " + r.target(), truth, ImageKind.INTENSITY));
        rows.add(MosaicRow.ofVolume("source - truth", RasVolume.difference(source, truth), ImageKind.DIFFERENCE));
        ex.harmonized().forEach((method, v) -> {
            if (!"none".equals(method)) {
                rows.add(MosaicRow.ofVolume(method + " - truth", RasVolume.difference(ras(v), truth),
                    ImageKind.DIFFERENCE));
            }
        });
        return rows;
    }

    /** Cohort scans are stored on a RAS grid, so their voxel array is already the report's orientation. */
    static RasVolume ras(Volume v) {
        double[] s = v.voxelSizes();
        return new RasVolume(v.nx(), v.ny(), v.nz(), v.data(), s[0], s[1], s[2]);
    }
}
