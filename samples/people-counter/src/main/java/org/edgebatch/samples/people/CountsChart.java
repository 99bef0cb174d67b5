package org.edgebatch.samples.people;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** A bar chart of people per hour, one series per camera. */
final class CountsChart {

    private final Map<String, Map<Instant, Integer>> counts;

    CountsChart(Map<String, Map<Instant, Integer>> counts) {
        this.counts = counts;
    }

    void writePng(Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        counts.forEach((camera, hours) -> hours.forEach((hour, people) -> data.addValue(people, camera, hour.toString())));
        NumberAxis people = new NumberAxis("people");
        people.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("hour (UTC)"), people, new BarRenderer());
        JFreeChart chart = new JFreeChart("People per hour", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
    }
}
