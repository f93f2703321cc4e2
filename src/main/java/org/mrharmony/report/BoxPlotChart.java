package org.mrharmony.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;

/**
 * Renders a {@link BoxPlotSpec}: a box (quartiles, median, whiskers) per method and group, with
 * every subject drawn as a dot on top, since cohorts are small and a box of five subjects
 * hides more than it shows.
 */
public final class BoxPlotChart {

    private static final Shape DOT = new Ellipse2D.Double(-3, -3, 6, 6);

    private BoxPlotChart() {
    }

    public static JFreeChart create(BoxPlotSpec spec) {
        Headless.ensure();
        List<String> methods = distinct(spec.samples().stream().map(BoxSample::method).toList());
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultMultiValueCategoryDataset points = new DefaultMultiValueCategoryDataset();
        for (BoxSample sample : spec.samples()) {
            List<Double> values = new ArrayList<>();
            for (double v : sample.finiteValues()) {
                values.add(v);
            }
            boxes.add(values, sample.method(), sample.group());
            points.add(values, sample.method(), sample.group());
        }
        CategoryAxis xAxis = new CategoryAxis(null);
        NumberAxis yAxis = new NumberAxis(spec.valueLabel());
        yAxis.setAutoRangeIncludesZero(false);
        BoxAndWhiskerRenderer boxRenderer = new BoxAndWhiskerRenderer();
        boxRenderer.setMeanVisible(false); // the dots show the spread; a mean disc would cover them
        boxRenderer.setMedianVisible(true);
        boxRenderer.setFillBox(true);
        boxRenderer.setUseOutlinePaintForWhiskers(true);
        boxRenderer.setMaxOutlierVisible(false);
        boxRenderer.setMinOutlierVisible(false);
        boxRenderer.setItemMargin(0.1);
        boxRenderer.setMaximumBarWidth(0.12);
        boxRenderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        ScatterRenderer dotRenderer = new ScatterRenderer();
        dotRenderer.setItemMargin(0.1);
        dotRenderer.setUseOutlinePaint(true);
        dotRenderer.setDefaultOutlinePaint(Color.BLACK);
        dotRenderer.setUseFillPaint(true);
        for (int i = 0; i < methods.size(); i++) {
            Color colour = Palette.colour(i);
            boxRenderer.setSeriesPaint(i, translucent(colour));
            boxRenderer.setSeriesOutlinePaint(i, colour.darker());
            boxRenderer.setSeriesOutlineStroke(i, new BasicStroke(1.2f));
            dotRenderer.setSeriesPaint(i, colour);
            dotRenderer.setSeriesFillPaint(i, colour);
            dotRenderer.setSeriesShape(i, DOT);
            dotRenderer.setSeriesVisibleInLegend(i, false);
        }
        CategoryPlot plot = new CategoryPlot(boxes, xAxis, yAxis, boxRenderer);
        plot.setDataset(1, points);
        plot.setRenderer(1, dotRenderer);
        JFreeChart chart = new JFreeChart(spec.title(), ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        return chart;
    }

    private static Color translucent(Color colour) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110);
    }

    private static List<String> distinct(List<String> names) {
        Set<String> ordered = new LinkedHashSet<>(names);
        return List.copyOf(ordered);
    }
}
