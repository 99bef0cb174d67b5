package org.edgebatch.cost.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.edgebatch.cost.CostCategory;
import org.edgebatch.cost.CostLine;
import org.edgebatch.cost.CostRow;
import org.edgebatch.cost.CostTable;
import org.edgebatch.cost.ProviderComparison;
import org.edgebatch.cost.analysis.MonteCarloResult;
import org.edgebatch.cost.analysis.Sweep;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the report's charts with JFreeChart and encodes them as PNG. */
public final class ChartRenderer {

    /** Series colours, in order; flat fills (no gradient, no shadow) so a screenshot shows them exactly. */
    public static final List<Color> PALETTE = List.of(new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd));

    public static final int WIDTH = 900;
    public static final int HEIGHT = 480;

    /** Stacked cost bars: one bar per provider and variant, one segment per cost category. */
    public byte[] costBars(CostTable table) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ProviderComparison comparison : table.comparisons()) {
            add(dataset, comparison.before(), table.columns());
            comparison.edgeRow().ifPresent(edge -> add(dataset, edge, table.columns()));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Yearly cost per provider", null, "USD", dataset,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.createUpRotationLabelPositions(Math.PI / 6));
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getCurrencyInstance(Locale.US));
        StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < table.columns().size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
        return png(chart);
    }

    /** Savings of each provider against one input's value. */
    public byte[] savingsSweep(Sweep sweep, String title, String xLabel, double xScale) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Sweep.Series series : sweep.series()) {
            XYSeries xy = new XYSeries(series.provider());
            for (int i = 0; i < sweep.values().length; i++) {
                xy.add(sweep.values()[i] / xScale, series.savings()[i]);
            }
            dataset.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, "savings", dataset, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.US));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < sweep.series().size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
            renderer.setSeriesStroke(i, new BasicStroke(3f));
        }
        plot.setRenderer(renderer);
        return png(chart);
    }

    /** Histogram of the Monte Carlo savings per provider. */
    public byte[] monteCarlo(MonteCarloResult result) {
        HistogramDataset dataset = new HistogramDataset();
        dataset.setType(HistogramType.RELATIVE_FREQUENCY);
        for (MonteCarloResult.Outcome outcome : result.outcomes()) {
            dataset.addSeries(outcome.provider(), outcome.savings(), 40);
        }
        JFreeChart chart = ChartFactory.createHistogram("Savings over " + result.samples() + " draws", "savings",
                "share of draws", dataset, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setForegroundAlpha(0.7f);
        ((NumberAxis) plot.getDomainAxis()).setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.US));
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < result.outcomes().size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
        return png(chart);
    }

    private static void add(DefaultCategoryDataset dataset, CostRow row, List<CostCategory> columns) {
        for (CostCategory category : columns) {
            CostLine line = row.line(category);
            dataset.addValue(line.amount().doubleValue(), category.label(), row.label());
        }
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
    }

    private static byte[] png(JFreeChart chart) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }
}
