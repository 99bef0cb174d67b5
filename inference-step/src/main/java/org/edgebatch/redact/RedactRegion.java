package org.edgebatch.redact;

/** A rectangle of whole pixels, {@code x1, y1} included, {@code x2, y2} excluded, inside its image. */
public record RedactRegion(int x1, int y1, int x2, int y2) {

    public RedactRegion {
        if (x1 < 0 || y1 < 0 || x2 < x1 || y2 < y1) {
            throw new IllegalArgumentException("not a region: " + x1 + "," + y1 + " .. " + x2 + "," + y2);
        }
    }

    public int width() {
        return x2 - x1;
    }

    public int height() {
        return y2 - y1;
    }

    public boolean isEmpty() {
        return width() == 0 || height() == 0;
    }

    public boolean contains(int x, int y) {
        return x >= x1 && x < x2 && y >= y1 && y < y2;
    }

    /** Whether the two share at least one pixel. */
    public boolean overlaps(RedactRegion other) {
        return x1 < other.x2 && other.x1 < x2 && y1 < other.y2 && other.y1 < y2;
    }

    /** The smallest region holding both. */
    public RedactRegion union(RedactRegion other) {
        return new RedactRegion(Math.min(x1, other.x1), Math.min(y1, other.y1), Math.max(x2, other.x2), Math.max(y2, other.y2));
    }
}
