package org.mrharmony.report;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Renders a {@link CurveChartSpec} as a JFreeChart line chart. */
public final class CurveChart {

    private static final float[][] DASHES = {{8f, 5f}, {2f, 4f}, {12f, 4f, 2f, 4f}, {4f, 4f}};
    static final Color REFERENCE_COLOUR = new Color(0x444444);

    private CurveChart() {
    }

    public static JFreeChart create(CurveChartSpec spec) {
        Headless.ensure();
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Series series : spec.series()) {
            dataset.addSeries(toXY(series, spec.logY()));
        }
        NumberAxis xAxis = new NumberAxis(spec.xLabel());
        xAxis.setAutoRangeIncludesZero(false);
        ValueAxis yAxis = spec.logY() ? logAxis(spec.yLabel()) : linearAxis(spec.yLabel());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < spec.series().size(); i++) {
            renderer.setSeriesPaint(i, Palette.colour(i));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
        }
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        for (int i = 0; i < spec.references().size(); i++) {
            plot.addRangeMarker(marker(spec.references().get(i), i));
        }
        JFreeChart chart = new JFreeChart(spec.title(), ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        includeReferencesInRange(plot, spec);
        return chart;
    }

    /**
     * Non-finite values (and, on a log axis, non-positive ones) become gaps rather than
     * errors: a curve that blew up should still show how it got there.
     */
    private static XYSeries toXY(Series series, boolean logY) {
        XYSeries xy = new XYSeries(series.name(), false, true);
        for (int i = 0; i < series.size(); i++) {
            double x = series.stepAt(i);
            double y = series.valueAt(i);
            if (!Double.isFinite(x)) {
                continue;
            }
            boolean drawable = Double.isFinite(y) && (!logY || y > 0);
            xy.add(x, drawable ? Double.valueOf(y) : null);
        }
        return xy;
    }

    /**
     * LogarithmicAxis rather than LogAxis: it labels 1-2-5 steps within a decade ("0.02, 0.05,
     * 0.1") where LogAxis prints exponents like "2.512E0".
     */
    private static ValueAxis logAxis(String label) {
        LogarithmicAxis axis = new LogarithmicAxis(label);
        axis.setStrictValuesFlag(false);
        axis.setAutoRangeNextLogFlag(false);
        return axis;
    }

    private static ValueAxis linearAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static ValueMarker marker(ReferenceLine reference, int index) {
        ValueMarker marker = new ValueMarker(reference.value());
        marker.setPaint(REFERENCE_COLOUR);
        marker.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            DASHES[index % DASHES.length], 0f));
        marker.setLabel(reference.label() + " " + Numbers.format(reference.value()));
        marker.setLabelFont(ChartStyle.TICK_FONT);
        marker.setLabelPaint(REFERENCE_COLOUR);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        // label just above the line at its right end, where curves have usually flattened out
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }

    /** Markers do not take part in auto-ranging; widen the axis so every baseline is visible. */
    private static void includeReferencesInRange(XYPlot plot, CurveChartSpec spec) {
        if (spec.references().isEmpty() || spec.logY()) {
            return;
        }
        ValueAxis axis = plot.getRangeAxis();
        double lower = axis.getLowerBound();
        double upper = axis.getUpperBound();
        for (ReferenceLine reference : spec.references()) {
            lower = Math.min(lower, reference.value());
            upper = Math.max(upper, reference.value());
        }
        double pad = (upper - lower) * 0.08; // room for the label above the top line
        if (pad == 0) {
            pad = Math.max(Math.abs(upper) * 0.05, 1e-9);
        }
        axis.setRange(lower - pad, upper + pad);
    }
}
