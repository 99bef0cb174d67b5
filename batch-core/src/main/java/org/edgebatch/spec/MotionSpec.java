package org.edgebatch.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Objects;

/**
 * The motion gate in front of the detector: a frame that hardly differs from the last one is not inferred.
 *
 * @param enabled          whether the gate is on (default {@code false}: every sampled frame is inferred)
 * @param threshold        the fraction of pixels that must change for a frame to count as motion (0..1, default 0.01)
 * @param pixelDelta       how much a pixel's grey level must change to count as changed (1..255, default 25)
 * @param keepAliveSeconds after motion, frames keep going to the detector this long even if still (0..3600, default 2),
 *                         so an object that stops moving is still seen
 */
public record MotionSpec(boolean enabled, double threshold, int pixelDelta, double keepAliveSeconds) {

    public static final double DEFAULT_THRESHOLD = 0.01;
    public static final int DEFAULT_PIXEL_DELTA = 25;
    public static final double DEFAULT_KEEP_ALIVE_SECONDS = 2.0;
    public static final double MAX_KEEP_ALIVE_SECONDS = 3600;

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static MotionSpec bind(Boolean enabled, Double threshold, Integer pixelDelta, Double keepAliveSeconds) {
        return new MotionSpec(
                Objects.requireNonNullElse(enabled, false),
                Objects.requireNonNullElse(threshold, DEFAULT_THRESHOLD),
                Objects.requireNonNullElse(pixelDelta, DEFAULT_PIXEL_DELTA),
                Objects.requireNonNullElse(keepAliveSeconds, DEFAULT_KEEP_ALIVE_SECONDS));
    }

    static MotionSpec absent() {
        return bind(null, null, null, null);
    }

    void validate(SpecProblems problems) {
        problems.between("threshold", threshold, 0, 1);
        problems.between("pixelDelta", pixelDelta, 1, 255);
        problems.between("keepAliveSeconds", keepAliveSeconds, 0, MAX_KEEP_ALIVE_SECONDS);
    }
}
