package org.mrharmony.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders a {@link HistogramSpec}: per-site histogram curves overlaid in each panel, panels
 * side by side sharing the vertical axis. A site keeps its colour in every panel.
 */
public final class IntensityHistogramChart {

    /** Display range: robust extremes, so one hot voxel does not squash every curve to a spike. */
    private static final double LOW_PERCENTILE = 0.5;
    private static final double HIGH_PERCENTILE = 99.5;

    private IntensityHistogramChart() {
    }

    public static JFreeChart create(HistogramSpec spec) {
        Headless.ensure();
        Map<String, Integer> siteColour = siteColours(spec);
        NumberAxis fraction = new NumberAxis("fraction of voxels per bin");
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(fraction);
        combined.setGap(16);
        for (HistogramPanel panel : spec.panels()) {
            combined.add(panelPlot(panel, spec, siteColour), 1);
        }
        combined.setFixedLegendItems(legend(siteColour));
        JFreeChart chart = new JFreeChart(spec.title(), ChartStyle.TITLE_FONT, combined, true);
        ChartStyle.apply(chart);
        for (Object subplot : combined.getSubplots()) {
            ChartStyle.styleXY((XYPlot) subplot);
        }
        return chart;
    }

    private static XYPlot panelPlot(HistogramPanel panel, HistogramSpec spec, Map<String, Integer> siteColour) {
        double[] range = displayRange(panel, spec.skipZeros());
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (IntensitySample sample : panel.samples()) {
            Histogram histogram = Histogram.of(sample.values(), spec.bins(), range[0], range[1], spec.skipZeros());
            XYSeries series = new XYSeries(sample.site(), false, true);
            for (int i = 0; i < histogram.fractions().length; i++) {
                series.add(histogram.binCentre(i), histogram.fractions()[i]);
            }
            int index = dataset.getSeriesCount();
            dataset.addSeries(series);
            renderer.setSeriesPaint(index, Palette.colour(siteColour.get(sample.site())));
            renderer.setSeriesStroke(index, ChartStyle.LINE);
        }
        NumberAxis intensity = new NumberAxis(panel.title() + " — " + spec.intensityLabel());
        intensity.setAutoRangeIncludesZero(false);
        intensity.setRange(range[0], range[1]);
        return new XYPlot(dataset, intensity, null, renderer);
    }

    /** The union of every site's robust range, so no site is cut off. */
    static double[] displayRange(HistogramPanel panel, boolean skipZeros) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (IntensitySample sample : panel.samples()) {
            Percentiles percentiles = Percentiles.of(sample.values(), skipZeros);
            if (!percentiles.isEmpty()) {
                low = Math.min(low, percentiles.at(LOW_PERCENTILE));
                high = Math.max(high, percentiles.at(HIGH_PERCENTILE));
            }
        }
        if (low == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("histogram panel '" + panel.title() + "' has no finite"
                + (skipZeros ? " non-zero" : "") + " values");
        }
        if (!(high > low)) {
            double pad = Math.max(Math.abs(low) * 0.05, 0.5);
            return new double[] {low - pad, high + pad};
        }
        return new double[] {low, high};
    }

    private static Map<String, Integer> siteColours(HistogramSpec spec) {
        Map<String, Integer> colours = new LinkedHashMap<>();
        for (HistogramPanel panel : spec.panels()) {
            for (IntensitySample sample : panel.samples()) {
                colours.putIfAbsent(sample.site(), colours.size());
            }
        }
        return colours;
    }

    /** One entry per site; the combined plot would otherwise repeat every site per panel. */
    private static LegendItemCollection legend(Map<String, Integer> siteColour) {
        LegendItemCollection items = new LegendItemCollection();
        for (Map.Entry<String, Integer> site : siteColour.entrySet()) {
            LegendItem item = new LegendItem(site.getKey(), Palette.colour(site.getValue()));
            item.setLabelFont(ChartStyle.LABEL_FONT);
            items.add(item);
        }
        return items;
    }
}
