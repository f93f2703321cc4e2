package org.mrharmony.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mrharmony.harmonize.HarmonizeMethod;
import org.mrharmony.report.ChartFiles;
import org.mrharmony.report.CurveChart;
import org.mrharmony.report.CurveChartSpec;
import org.mrharmony.report.ReferenceLine;
import org.mrharmony.report.Series;

/**
 * {@value #FILE}: the validation scores of a run, one row per validation step, method and target
 * site, and the curves drawn from it ({@value #SSIM_CHART}, {@value #MAE_CHART}): the GAN's score
 * against the step, with no harmonization and Nyúl as horizontal lines. The whole file is
 * rewritten atomically after each validation (it stays small), so a reader or a crash never sees
 * half a row. On resume, rows after the checkpoint's step are dropped, as in {@link LossLog}.
 */
public final class ValidationLog {

    public static final String FILE = "validation.csv";
    public static final String SSIM_CHART = "validation.png";
    public static final String MAE_CHART = "validation_mae.png";
    static final String HEADER = "step,method,target,ssim,mae";
    static final int CHART_WIDTH = 900;
    static final int CHART_HEIGHT = 540;

    /** Mean scores of one method translating the held-out scans to one target site. */
    public record Row(long step, String method, String target, double ssim, double mae) {

        String csv() {
            return String.format(Locale.ROOT, "%d,%s,%s,%.8g,%.8g", step, method, target, ssim, mae);
        }
    }

    private final Path modelDir;
    private final String slabNote;
    private final List<Row> rows;

    private ValidationLog(Path modelDir, String slabNote, List<Row> rows) {
        this.modelDir = modelDir;
        this.slabNote = slabNote;
        this.rows = rows;
    }

    /**
     * @param resumeStep the checkpoint's step when resuming (rows after it are dropped), 0 for a new run
     * @param slabNote   what was scored, for the chart titles (e.g. "central 16 slices")
     */
    public static ValidationLog open(Path modelDir, long resumeStep, String slabNote) throws IOException {
        List<Row> kept = new ArrayList<>();
        if (resumeStep > 0) {
            for (Row r : read(modelDir.resolve(FILE))) {
                if (r.step() <= resumeStep) {
                    kept.add(r);
                }
            }
        }
        return new ValidationLog(modelDir, slabNote, kept);
    }

    /** The rows of a validation file; none when there is no file. */
    public static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.equals(HEADER))) {
                continue;
            }
            String[] f = line.split(",", -1);
            try {
                if (f.length != 5) {
                    throw new IllegalArgumentException("expected 5 fields");
                }
                rows.add(new Row(Long.parseLong(f[0]), f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": line " + (i + 1) + " is not a validation row (" + HEADER + "): " + line);
            }
        }
        return rows;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Adds one validation's rows, rewrites the file and redraws the charts. */
    public void append(List<Row> validation) throws IOException {
        rows.addAll(validation);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            text.append(r.csv()).append('\n');
        }
        TrainingRun.writeAtomically(modelDir.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
        ChartFiles.writePng(CurveChart.create(chart("SSIM inside the brain", Row::ssim)),
            modelDir.resolve(SSIM_CHART), CHART_WIDTH, CHART_HEIGHT);
        ChartFiles.writePng(CurveChart.create(chart("MAE inside the brain", Row::mae)),
            modelDir.resolve(MAE_CHART), CHART_WIDTH, CHART_HEIGHT);
    }

    /**
     * The GAN's score averaged over target sites against the step; each baseline's average of
     * its latest rows (they never change) as a reference line.
     */
    CurveChartSpec chart(String metric, java.util.function.ToDoubleFunction<Row> value) {
        Map<Long, double[]> gan = new LinkedHashMap<>(); // step -> {sum, n}
        Map<String, Map<String, Double>> baselines = new LinkedHashMap<>(); // method -> target -> latest
        for (Row r : rows) {
            if (r.method().equals(HarmonizeMethod.GAN.id())) {
                double[] acc = gan.computeIfAbsent(r.step(), k -> new double[2]);
                acc[0] += value.applyAsDouble(r);
                acc[1]++;
            } else {
                baselines.computeIfAbsent(r.method(), k -> new LinkedHashMap<>()).put(r.target(), value.applyAsDouble(r));
            }
        }
        double[] steps = new double[gan.size()];
        double[] values = new double[gan.size()];
        int i = 0;
        for (Map.Entry<Long, double[]> e : gan.entrySet()) {
            steps[i] = e.getKey();
            values[i++] = e.getValue()[0] / e.getValue()[1];
        }
        List<ReferenceLine> references = new ArrayList<>();
        baselines.forEach((method, byTarget) -> {
            double mean = byTarget.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            if (Double.isFinite(mean)) {
                references.add(new ReferenceLine(method, mean));
            }
        });
        return CurveChartSpec.validationCurve("Validation: " + metric + ", held-out subjects (" + slabNote
            + "), mean over target sites", metric, List.of(new Series("gan", steps, values)), references);
    }
}
