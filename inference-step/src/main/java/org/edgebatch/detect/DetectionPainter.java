package org.edgebatch.detect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Draws detections on an image with Java2D: a box per detection in its class colour and a
 * "label score" caption above it (inside the box when there is no room above). Used for
 * {@code --annotate} and event snapshots.
 */
public final class DetectionPainter {

    /** Ultralytics' 20-colour palette, so annotated images look like the ones users know. */
    private static final int[] PALETTE = {
            0xFF3838, 0xFF9D97, 0xFF701F, 0xFFB21D, 0xCFD231, 0x48F90A, 0x92CC17, 0x3DDB86, 0x1A9334, 0x00D4BB,
            0x2C99A8, 0x00C2FF, 0x344593, 0x6473FF, 0x0018EC, 0x8438FF, 0x520085, 0xCB38FF, 0xFF95C8, 0xFF37C7};

    /** The colour a class is drawn in. */
    public static Color colorOf(int classId) {
        return new Color(PALETTE[Math.floorMod(classId, PALETTE.length)]);
    }

    /** A copy of {@code image} with the detections drawn on it. */
    public BufferedImage annotate(BgrImage image, List<Detection> detections) {
        BufferedImage canvas = image.toBufferedImage();
        paint(canvas, detections);
        return canvas;
    }

    /** Draws the detections onto {@code image} in place. */
    public void paint(BufferedImage image, List<Detection> detections) {
        int line = Math.max(2, Math.round((image.getWidth() + image.getHeight()) / 2f * 0.003f));
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(line));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, line * 6)));
            FontMetrics metrics = g.getFontMetrics();
            for (Detection d : detections) {
                Color color = colorOf(d.classId());
                int x1 = Math.round(d.x1());
                int y1 = Math.round(d.y1());
                int x2 = Math.round(d.x2());
                int y2 = Math.round(d.y2());
                g.setColor(color);
                g.drawRect(x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1));

                String caption = d.label() + " " + String.format(Locale.ROOT, "%.2f", d.score());
                int textWidth = metrics.stringWidth(caption) + 2 * line;
                int textHeight = metrics.getAscent() + metrics.getDescent() + line;
                boolean above = y1 - textHeight >= 0;
                int top = above ? y1 - textHeight : y1;
                g.fillRect(x1, top, textWidth, textHeight);
                g.setColor(luminance(color) > 0.6 ? Color.BLACK : Color.WHITE);
                g.drawString(caption, x1 + line, top + line / 2 + metrics.getAscent());
            }
        } finally {
            g.dispose();
        }
    }

    private static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }
}
