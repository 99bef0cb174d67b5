package org.edgebatch.testsupport.data;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** What generated test footage is made of: a still yard and a person (cut from zidane.jpg) to walk across it. */
public final class FootageImages {

    private FootageImages() {
    }

    /** A still yard: a gradient with fixed speckles, so frames compress like a real static scene. */
    public static BufferedImage yard(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(120, 130, 110), width, height, new Color(170, 165, 150)));
        g.fillRect(0, 0, width, height);
        // A fixed seed: every test sees the same yard, so detections on it are repeatable.
        Random random = new Random(7);
        for (int i = 0; i < width * height / 200; i++) {
            int grey = 100 + random.nextInt(80);
            g.setColor(new Color(grey, grey, grey - 10));
            g.fillRect(random.nextInt(width), random.nextInt(height), 2, 2);
        }
        g.dispose();
        return image;
    }

    /** Zidane, the right-hand person of zidane.jpg, scaled to {@code height} with his proportions kept. */
    public static BufferedImage person(int height) {
        BufferedImage crop = bgrCopy(SharedData.readImage("zidane.jpg").getSubimage(740, 40, 400, 680));
        int width = Math.max(2, height * 400 / 680);
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scaled.createGraphics();
        g.drawImage(crop, 0, 0, width, height, null);
        g.dispose();
        return scaled;
    }

    // The crop is copied, as FootageRenderer.Sprite.crop does, so scaling reads the same pixels it always did.
    private static BufferedImage bgrCopy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }
}
