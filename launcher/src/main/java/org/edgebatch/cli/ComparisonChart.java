package org.edgebatch.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code bench compare}'s bar charts, one bar per machine: the detector's frames/s per model (at all threads), and the
 * job's footage frames/s per model, footage and sampling mode (a log axis: key frames run orders of magnitude
 * faster than every frame). Both stacked into one PNG.
 */
final class ComparisonChart {

    /** Machine colours, in order; flat fills so a screenshot shows them exactly. */
    static final List<Color> PALETTE = List.of(new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b));

    static final int WIDTH = 1000;
    static final int DETECTOR_HEIGHT = 450;
    static final int JOB_HEIGHT = 750;
    static final int HEIGHT = DETECTOR_HEIGHT + JOB_HEIGHT;

    /** The two charts, one above the other, as PNG. */
    byte[] png(SuiteComparison comparison) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            detectorChart(comparison).draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, DETECTOR_HEIGHT));
            jobChart(comparison).draw(graphics, new Rectangle2D.Double(0, DETECTOR_HEIGHT, WIDTH, JOB_HEIGHT));
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private JFreeChart detectorChart(SuiteComparison comparison) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (SuiteResults machine : comparison.machines()) {
            machine.detectors().stream().filter(SuiteResults.DetectorRate::ok)
                    .collect(java.util.stream.Collectors.toMap(d -> SuiteComparison.modelKey(d.model(), d.provider()), d -> d,
                            (a, b) -> a.threads() >= b.threads() ? a : b, java.util.LinkedHashMap::new))
                    .forEach((model, rate) -> dataset.addValue(rate.framesPerSecond(), machine.machine(), model));
        }
        JFreeChart chart = ChartFactory.createBarChart("Detector frames/s per model (all threads)", null, "frames/s", dataset,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart, comparison.machines().size());
        return chart;
    }

    private JFreeChart jobChart(SuiteComparison comparison) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (SuiteResults machine : comparison.machines()) {
            for (SuiteResults.JobRate job : machine.jobs()) {
                dataset.addValue(job.framesPerSecond(), machine.machine(), SuiteComparison.jobKey(job));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Job: footage frames/s per model and sampling mode", null,
                "footage frames/s (log)", dataset, PlotOrientation.HORIZONTAL, true, false, false);
        style(chart, comparison.machines().size());
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        LogAxis axis = new LogAxis("footage frames/s (log scale)");
        axis.setSmallestValue(0.1);
        axis.setTickUnit(new NumberTickUnit(1)); // one tick per power of ten
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        plot.setRangeAxis(axis);
        plot.getRenderer().setDefaultItemLabelsVisible(false);
        ((BarRenderer) plot.getRenderer()).setBase(0.1);
        return chart;
    }

    private static void style(JFreeChart chart, int machines) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.createUpRotationLabelPositions(Math.PI / 6));
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < machines; i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
    }
}
