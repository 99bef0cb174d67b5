package org.edgebatch.video;

/**
 * Which frames the {@link FrameReader} returns. Every rule depends only on a frame's own index and
 * time and on the time of the frame before it, so a restarted read picks exactly the same frames.
 */
public sealed interface FrameSampling {

    /** Whether the frame at {@code index} is returned; {@code previousTimestampMicros} is -1 for the first frame read. */
    boolean accept(long index, long timestampMicros, long previousTimestampMicros);

    /** Whether only key frames are decoded at all (much faster: nothing else reaches the decoder). */
    default boolean decodesKeyFramesOnly() {
        return false;
    }

    static FrameSampling everyFrame() {
        return new EveryFrame();
    }

    static FrameSampling everyNthFrame(int n) {
        return new EveryNthFrame(n);
    }

    static FrameSampling targetFps(double fps) {
        return new TargetFps(fps);
    }

    static FrameSampling keyFramesOnly() {
        return new KeyFramesOnly();
    }

    /** All frames. */
    record EveryFrame() implements FrameSampling {
        @Override
        public boolean accept(long index, long timestampMicros, long previousTimestampMicros) {
            return true;
        }
    }

    /** Frames 0, n, 2n, ... of the file. */
    record EveryNthFrame(int n) implements FrameSampling {
        public EveryNthFrame {
            if (n < 1) {
                throw new IllegalArgumentException("everyNthFrame must be at least 1, was " + n);
            }
        }

        @Override
        public boolean accept(long index, long timestampMicros, long previousTimestampMicros) {
            return index % n == 0;
        }
    }

    /**
     * About {@code fps} frames a second: time is cut into slots of 1/fps seconds and the first frame in
     * each slot is taken, so a variable-rate source still gives an even output rate.
     */
    record TargetFps(double fps) implements FrameSampling {
        public TargetFps {
            if (!(fps > 0) || Double.isInfinite(fps)) {
                throw new IllegalArgumentException("target fps must be a positive number, was " + fps);
            }
        }

        @Override
        public boolean accept(long index, long timestampMicros, long previousTimestampMicros) {
            return previousTimestampMicros < 0 || slot(timestampMicros) != slot(previousTimestampMicros);
        }

        private long slot(long micros) {
            return (long) Math.floor(micros * fps / 1e6);
        }
    }

    /** Key frames only; the others are never decoded. */
    record KeyFramesOnly() implements FrameSampling {
        @Override
        public boolean accept(long index, long timestampMicros, long previousTimestampMicros) {
            return true;
        }

        @Override
        public boolean decodesKeyFramesOnly() {
            return true;
        }
    }
}
