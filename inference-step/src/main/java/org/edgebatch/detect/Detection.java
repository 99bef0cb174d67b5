package org.edgebatch.detect;

/**
 * One detected object in original image coordinates (pixels, clipped to the image):
 * {@code (x1, y1)} is the top-left corner, {@code (x2, y2)} the bottom-right.
 */
public record Detection(int classId, String label, float score, float x1, float y1, float x2, float y2) {

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    public float area() {
        return Math.max(0f, width()) * Math.max(0f, height());
    }

    /** Intersection over union with another box; 0 when they do not overlap. */
    public float iou(Detection other) {
        float ix = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        float iy = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (ix <= 0 || iy <= 0) {
            return 0f;
        }
        float inter = ix * iy;
        return inter / (area() + other.area() - inter);
    }
}
