package org.edgebatch.video;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
import java.util.function.Predicate;
import org.edgebatch.detect.BgrImage;

/**
 * Lets a frame through to inference only when the scene changed since the last frame that went
 * through, measured on a small grey grid sampled straight from the BGR image (no full-size copy).
 * The first frame of a video, the first after a restart, and one frame every {@code keepAliveSeconds}
 * always go through, so a person standing still is seen again. As a {@link Predicate} it accepts the frames
 * to infer; {@link #decide} also says why ({@code org.edgebatch.step.MotionGateProcessor} makes it a Spring Batch
 * item processor).
 *
 * <p>State is per video and per instance (use one per partition, e.g. step-scoped); it starts afresh
 * when the video changes or frame indices go backwards (a restart or a re-processed chunk). Being stateful, it must
 * see the frames of a video in order, one at a time.
 */
public class MotionGate implements Predicate<VideoFrame> {

    /**
     * Settings: {@code gridWidth} cells across the frame (height follows the aspect ratio), a cell
     * changed when its grey level moved by more than {@code pixelDelta} (0..255), motion when at
     * least {@code changedFraction} of the cells changed.
     */
    public record Settings(int gridWidth, int pixelDelta, double changedFraction, double keepAliveSeconds) {

        /** 160 cells across, 25 grey levels, 0.5 % of cells (a walking person at 640x360 changes about 4 %), 2 s. */
        public static final Settings DEFAULTS = new Settings(160, 25, 0.005, 2.0);

        public Settings {
            if (gridWidth < 8 || gridWidth > 1024) {
                throw new IllegalArgumentException("motion gridWidth must be 8..1024, was " + gridWidth);
            }
            if (pixelDelta < 0 || pixelDelta > 254) {
                throw new IllegalArgumentException("motion pixelDelta must be 0..254, was " + pixelDelta);
            }
            if (!(changedFraction >= 0 && changedFraction <= 1)) {
                throw new IllegalArgumentException("motion changedFraction must be 0..1, was " + changedFraction);
            }
            if (!(keepAliveSeconds > 0)) {
                throw new IllegalArgumentException("motion keepAliveSeconds must be positive, was " + keepAliveSeconds);
            }
        }
    }

    /** Why a frame was or was not let through. */
    public enum Reason { FIRST_FRAME, MOTION, KEEP_ALIVE, STILL }

    /** The gate's verdict on one frame and the fraction of grid cells that changed. */
    public record Decision(boolean infer, Reason reason, double changedFraction) {
    }

    /** Frames seen, let through and skipped since this gate was made. */
    public record Counts(long seen, long inferred, long skipped) {
    }

    private final Settings settings;
    private final long keepAliveMicros;

    private String video;
    private long lastIndex = -1;
    private long lastInferredMicros;
    private int imageWidth;
    private int imageHeight;
    private int imageStride;
    private long[] cellOffsets = new long[0];
    private byte[] reference = new byte[0];
    private byte[] current = new byte[0];
    private long seen;
    private long inferred;

    public MotionGate(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.keepAliveMicros = Math.round(settings.keepAliveSeconds() * 1e6);
    }

    public MotionGate() {
        this(Settings.DEFAULTS);
    }

    /** Whether {@code frame} goes to inference; updates the gate's state like {@link #decide}. */
    @Override
    public boolean test(VideoFrame frame) {
        return decide(frame).infer();
    }

    /** Decides whether {@code frame} goes to inference, and why, and updates the gate's state accordingly. */
    public Decision decide(VideoFrame frame) {
        Objects.requireNonNull(frame, "frame must not be null");
        seen++;
        BgrImage image = frame.image();
        boolean fresh = !frame.video().equals(video) || frame.index() <= lastIndex || !sameGeometry(image);
        if (fresh) {
            video = frame.video();
            layOutGrid(image);
        }
        lastIndex = frame.index();
        sample(image, current);
        Decision decision;
        if (fresh) {
            decision = new Decision(true, Reason.FIRST_FRAME, 1.0);
        } else {
            double changed = changedFraction();
            if (changed >= settings.changedFraction() && changed > 0) {
                decision = new Decision(true, Reason.MOTION, changed);
            } else if (frame.timestampMicros() - lastInferredMicros >= keepAliveMicros) {
                decision = new Decision(true, Reason.KEEP_ALIVE, changed);
            } else {
                decision = new Decision(false, Reason.STILL, changed);
            }
        }
        if (decision.infer()) {
            inferred++;
            lastInferredMicros = frame.timestampMicros();
            byte[] swap = reference;
            reference = current;
            current = swap;
        }
        return decision;
    }

    /** Frames seen, let through and skipped so far. */
    public Counts counts() {
        return new Counts(seen, inferred, seen - inferred);
    }

    private boolean sameGeometry(BgrImage image) {
        return image.width() == imageWidth && image.height() == imageHeight && image.rowStride() == imageStride;
    }

    /**
     * Four sample points per cell, at its quarter positions, computed once per image size: their mean
     * is a cheap low-pass that keeps compression noise (key-frame pumping on textured backgrounds) out.
     */
    private void layOutGrid(BgrImage image) {
        imageWidth = image.width();
        imageHeight = image.height();
        imageStride = image.rowStride();
        int gridWidth = Math.min(settings.gridWidth(), imageWidth);
        int gridHeight = Math.max(1, (int) Math.round((double) imageHeight * gridWidth / imageWidth));
        cellOffsets = new long[gridWidth * gridHeight * 4];
        for (int gy = 0; gy < gridHeight; gy++) {
            int y0 = (int) (((long) gy * 4 + 1) * imageHeight / (4L * gridHeight));
            int y1 = (int) (((long) gy * 4 + 3) * imageHeight / (4L * gridHeight));
            for (int gx = 0; gx < gridWidth; gx++) {
                int x0 = (int) (((long) gx * 4 + 1) * imageWidth / (4L * gridWidth));
                int x1 = (int) (((long) gx * 4 + 3) * imageWidth / (4L * gridWidth));
                int cell = (gy * gridWidth + gx) * 4;
                cellOffsets[cell] = (long) y0 * imageStride + x0 * 3L;
                cellOffsets[cell + 1] = (long) y0 * imageStride + x1 * 3L;
                cellOffsets[cell + 2] = (long) y1 * imageStride + x0 * 3L;
                cellOffsets[cell + 3] = (long) y1 * imageStride + x1 * 3L;
            }
        }
        reference = new byte[gridWidth * gridHeight];
        current = new byte[gridWidth * gridHeight];
    }

    private void sample(BgrImage image, byte[] grey) {
        MemorySegment pixels = image.pixels();
        long[] offsets = cellOffsets;
        for (int cell = 0, i = 0; cell < grey.length; cell++) {
            int sum = 0;
            for (int k = 0; k < 4; k++, i++) {
                long at = offsets[i];
                int b = pixels.get(ValueLayout.JAVA_BYTE, at) & 0xff;
                int g = pixels.get(ValueLayout.JAVA_BYTE, at + 1) & 0xff;
                int r = pixels.get(ValueLayout.JAVA_BYTE, at + 2) & 0xff;
                // BT.601 luma in fixed point: 0.114 B + 0.587 G + 0.299 R.
                sum += 29 * b + 150 * g + 77 * r;
            }
            grey[cell] = (byte) (sum >> 10);
        }
    }

    private double changedFraction() {
        int delta = settings.pixelDelta();
        int changed = 0;
        for (int i = 0; i < current.length; i++) {
            if (Math.abs((current[i] & 0xff) - (reference[i] & 0xff)) > delta) {
                changed++;
            }
        }
        return (double) changed / current.length;
    }
}
