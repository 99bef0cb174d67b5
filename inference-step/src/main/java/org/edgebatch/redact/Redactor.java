package org.edgebatch.redact;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detection;

/**
 * Makes the boxes of some classes unrecognisable in a frame, in place: each detection of a redacted class, grown by the
 * margin and clipped to the image (overlapping ones merged into their bounding box), is blurred or pixelated; every
 * pixel outside those regions stays as it was.
 * <p>
 * Plain Java on purpose: OpenCV is not in the build, and a separable box blur (three passes of a running mean, close
 * to a Gaussian) and block pixelation are a few loops over the {@link BgrImage} the event code already holds. Only the
 * region's own pixels feed its blur (its edges are repeated), so nothing from outside leaks in and nothing outside
 * changes. The blur's radius is half the region's size along each axis, strong enough to flatten a face or a
 * person's shape, not a cosmetic softening.
 */
public final class Redactor {

    private static final int BLUR_PASSES = 3;
    private static final int PIXELATE_BLOCKS = 6;

    private final Set<String> labels;
    private final RedactStyle style;
    private final RedactMargin margin;

    /** @param labels the classes whose boxes are redacted (case-insensitive) */
    public Redactor(Set<String> labels, RedactStyle style, RedactMargin margin) {
        Objects.requireNonNull(labels, "labels must not be null");
        this.labels = labels.stream().map(label -> label.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.style = Objects.requireNonNull(style, "style must not be null");
        this.margin = Objects.requireNonNull(margin, "margin must not be null");
    }

    /** The classes redacted, in lower case. */
    public Set<String> labels() {
        return labels;
    }

    /** Whether {@code detection} is of a redacted class. */
    public boolean redacts(Detection detection) {
        return labels.contains(detection.label().toLowerCase(Locale.ROOT));
    }

    /** The regions {@link #redact} changes in a {@code width x height} image: redacted classes' boxes, grown, clipped. */
    public List<RedactRegion> regions(List<Detection> detections, int width, int height) {
        List<RedactRegion> regions = new ArrayList<>();
        for (Detection d : detections) {
            if (!redacts(d)) {
                continue;
            }
            int dx = margin.horizontal(d.width());
            int dy = margin.vertical(d.height());
            int x1 = clamp((int) Math.floor(d.x1()) - dx, width);
            int y1 = clamp((int) Math.floor(d.y1()) - dy, height);
            int x2 = clamp((int) Math.ceil(d.x2()) + dx, width);
            int y2 = clamp((int) Math.ceil(d.y2()) + dy, height);
            if (x2 > x1 && y2 > y1) {
                regions.add(new RedactRegion(x1, y1, x2, y2));
            }
        }
        return merged(regions);
    }

    /**
     * Overlapping regions become their bounding box, until none overlap: blurred one after the other, two people side
     * by side would keep a sharp step between their two smudges where the second region cuts into the first.
     */
    static List<RedactRegion> merged(List<RedactRegion> regions) {
        List<RedactRegion> out = new ArrayList<>(regions);
        boolean merging = true;
        while (merging) {
            merging = false;
            for (int i = 0; i < out.size() && !merging; i++) {
                for (int j = i + 1; j < out.size() && !merging; j++) {
                    if (out.get(i).overlaps(out.get(j))) {
                        out.set(i, out.get(i).union(out.get(j)));
                        out.remove(j);
                        merging = true;
                    }
                }
            }
        }
        return out;
    }

    /** Redacts {@code image} in place and returns the regions it changed. */
    public List<RedactRegion> redact(BgrImage image, List<Detection> detections) {
        List<RedactRegion> regions = regions(detections, image.width(), image.height());
        for (RedactRegion region : regions) {
            redact(image, region);
        }
        return regions;
    }

    /** Redacts one region of {@code image} in place. */
    public void redact(BgrImage image, RedactRegion region) {
        if (region.isEmpty()) {
            return;
        }
        if (region.x2() > image.width() || region.y2() > image.height()) {
            throw new IllegalArgumentException("region " + region + " reaches past the " + image.width() + "x" + image.height() + " image");
        }
        int w = region.width();
        int h = region.height();
        int[] pixels = read(image, region);
        switch (style) {
            case BLUR -> blur(pixels, w, h, Math.max(1, w / 2), Math.max(1, h / 2));
            case PIXELATE -> pixelate(pixels, w, h, Math.max(2, (Math.min(w, h) + PIXELATE_BLOCKS - 1) / PIXELATE_BLOCKS));
        }
        write(image, region, pixels);
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }

    private static int[] read(BgrImage image, RedactRegion region) {
        int w = region.width();
        int[] out = new int[w * region.height() * 3];
        MemorySegment pixels = image.pixels();
        for (int y = 0; y < region.height(); y++) {
            long row = (long) (region.y1() + y) * image.rowStride() + region.x1() * 3L;
            for (int i = 0; i < w * 3; i++) {
                out[y * w * 3 + i] = Byte.toUnsignedInt(pixels.get(ValueLayout.JAVA_BYTE, row + i));
            }
        }
        return out;
    }

    private static void write(BgrImage image, RedactRegion region, int[] values) {
        int w = region.width();
        MemorySegment pixels = image.pixels();
        for (int y = 0; y < region.height(); y++) {
            long row = (long) (region.y1() + y) * image.rowStride() + region.x1() * 3L;
            for (int i = 0; i < w * 3; i++) {
                pixels.set(ValueLayout.JAVA_BYTE, row + i, (byte) values[y * w * 3 + i]);
            }
        }
    }

    /** Three passes of a running mean along rows, then along columns; values stay within 0..255. */
    private static void blur(int[] pixels, int w, int h, int rx, int ry) {
        int[] line = new int[Math.max(w, h)];
        int[] sums = new int[Math.max(w, h) + 2 * Math.max(rx, ry) + 1];
        for (int pass = 0; pass < BLUR_PASSES; pass++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < h; y++) {
                    int base = y * w * 3 + c;
                    for (int x = 0; x < w; x++) {
                        line[x] = pixels[base + x * 3];
                    }
                    runningMean(line, w, rx, sums);
                    for (int x = 0; x < w; x++) {
                        pixels[base + x * 3] = line[x];
                    }
                }
                for (int x = 0; x < w; x++) {
                    int base = x * 3 + c;
                    for (int y = 0; y < h; y++) {
                        line[y] = pixels[base + y * w * 3];
                    }
                    runningMean(line, h, ry, sums);
                    for (int y = 0; y < h; y++) {
                        pixels[base + y * w * 3] = line[y];
                    }
                }
            }
        }
    }

    /** Replaces {@code line[0..n)} by the rounded mean of its {@code 2r+1} neighbours, the ends repeated. */
    private static void runningMean(int[] line, int n, int r, int[] sums) {
        // sums[k] = sum of the extended line's first k values; the extended line is line[clamp(k - r)].
        sums[0] = 0;
        for (int k = 0; k < n + 2 * r; k++) {
            sums[k + 1] = sums[k] + line[Math.max(0, Math.min(n - 1, k - r))];
        }
        int window = 2 * r + 1;
        for (int i = 0; i < n; i++) {
            line[i] = (sums[i + window] - sums[i] + window / 2) / window;
        }
    }

    /** Squares of {@code block} pixels (smaller at the right and bottom edges) take their mean colour. */
    private static void pixelate(int[] pixels, int w, int h, int block) {
        for (int by = 0; by < h; by += block) {
            for (int bx = 0; bx < w; bx += block) {
                int ey = Math.min(h, by + block);
                int ex = Math.min(w, bx + block);
                int count = (ey - by) * (ex - bx);
                for (int c = 0; c < 3; c++) {
                    long sum = 0;
                    for (int y = by; y < ey; y++) {
                        for (int x = bx; x < ex; x++) {
                            sum += pixels[(y * w + x) * 3 + c];
                        }
                    }
                    int mean = (int) ((sum + count / 2) / count);
                    for (int y = by; y < ey; y++) {
                        for (int x = bx; x < ex; x++) {
                            pixels[(y * w + x) * 3 + c] = mean;
                        }
                    }
                }
            }
        }
    }
}
