package org.mrharmony.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mrharmony.report.ChartFiles;
import org.mrharmony.report.CurveChart;
import org.mrharmony.report.CurveChartSpec;
import org.mrharmony.report.Series;

/**
 * {@value #FILE}: the latent-guided loss terms of {@value LossLog#FILE} against the step, on a
 * log scale (the terms span orders of magnitude), redrawn at each checkpoint. The
 * reference-guided terms follow the same course and would double the lines.
 */
public final class LossChart {

    public static final String FILE = "losses.png";
    static final List<String> TERMS = List.of("d_real_lat", "d_fake_lat", "d_reg_lat", "g_adv_lat", "g_sty_lat",
        "g_ds_lat", "g_cyc_lat", "g_tc_lat");

    private LossChart() {
    }

    /** Draws the curves of {@code modelDir/losses.csv}; nothing when it has no rows yet. */
    public static void write(Path modelDir) throws IOException {
        List<Series> series = read(modelDir.resolve(LossLog.FILE));
        if (series.isEmpty() || series.get(0).size() == 0) {
            return;
        }
        ChartFiles.writePng(CurveChart.create(CurveChartSpec.trainingCurves("Training losses (latent-guided terms)",
            series, true)), modelDir.resolve(FILE), ValidationLog.CHART_WIDTH, ValidationLog.CHART_HEIGHT);
    }

    /** One series per plotted term, read from a loss log. */
    static List<Series> read(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int rows = lines.size() - 1;
        double[] steps = new double[rows];
        double[][] values = new double[TERMS.size()][rows];
        for (int r = 0; r < rows; r++) {
            String[] f = lines.get(r + 1).split(",");
            try {
                steps[r] = Double.parseDouble(f[0]);
                for (int t = 0; t < TERMS.size(); t++) {
                    values[t][r] = Double.parseDouble(f[header.indexOf(TERMS.get(t))]);
                }
            } catch (RuntimeException e) {
                throw new IOException(csv + ": line " + (r + 2) + " is not a loss row matching the header");
            }
        }
        List<Series> series = new ArrayList<>();
        for (int t = 0; t < TERMS.size(); t++) {
            series.add(new Series(TERMS.get(t), steps, values[t]));
        }
        return series;
    }
}
