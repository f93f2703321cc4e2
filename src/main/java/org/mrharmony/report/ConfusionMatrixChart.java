package org.mrharmony.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Renders a {@link ConfusionMatrixSpec} as a heat map: rows are true sites (first at the top),
 * columns predicted sites, each cell shaded by the share of its row and labelled with the
 * count and that percentage.
 */
public final class ConfusionMatrixChart {

    private static final Color LOW = Color.WHITE;
    private static final Color HIGH = new Color(0x08306B);
    /** Above this shade the cell is dark enough that black text would vanish. */
    private static final double WHITE_TEXT_FROM = 0.55;

    private ConfusionMatrixChart() {
    }

    public static JFreeChart create(ConfusionMatrixSpec spec) {
        Headless.ensure();
        int k = spec.labels().size();
        double[] xs = new double[k * k];
        double[] ys = new double[k * k];
        double[] zs = new double[k * k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                int i = t * k + p;
                xs[i] = p;
                ys[i] = t;
                zs[i] = spec.rowFraction(t, p);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("share of true site", new double[][] {xs, ys, zs});

        String[] labels = spec.labels().toArray(String[]::new);
        SymbolAxis predicted = new SymbolAxis("predicted site", labels);
        predicted.setGridBandsVisible(false);
        SymbolAxis actual = new SymbolAxis("true site", labels);
        actual.setGridBandsVisible(false);
        actual.setInverted(true);

        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new LinearScale());
        XYPlot plot = new XYPlot(dataset, predicted, actual, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        Font cellFont = new Font(Font.SANS_SERIF, Font.BOLD, k <= 6 ? 15 : 11);
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                double share = spec.rowFraction(t, p);
                Color ink = share >= WHITE_TEXT_FROM ? Color.WHITE : Color.BLACK;
                plot.addAnnotation(text(Long.toString(spec.count(t, p)), p, t - 0.13, cellFont, ink));
                plot.addAnnotation(text(percent(share), p, t + 0.17, cellFont.deriveFont(Font.PLAIN), ink));
            }
        }
        JFreeChart chart = new JFreeChart(spec.title(), ChartStyle.TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
            "accuracy %s, chance %s; cells: count and share of the true site's row",
            percent(spec.accuracy()), percent(1.0 / k)), ChartStyle.LABEL_FONT));
        ChartStyle.apply(chart);
        plot.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYTextAnnotation text(String text, double x, double y, Font font, Color ink) {
        XYTextAnnotation annotation = new XYTextAnnotation(text, x, y);
        annotation.setFont(font);
        annotation.setPaint(ink);
        annotation.setTextAnchor(TextAnchor.CENTER);
        return annotation;
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** White at 0 to dark blue at 1 (row shares). */
    private static final class LinearScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            double f = Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
            return new Color(
                mix(LOW.getRed(), HIGH.getRed(), f),
                mix(LOW.getGreen(), HIGH.getGreen(), f),
                mix(LOW.getBlue(), HIGH.getBlue(), f));
        }

        private static int mix(int a, int b, double f) {
            return (int) Math.round(a + (b - a) * f);
        }
    }
}
