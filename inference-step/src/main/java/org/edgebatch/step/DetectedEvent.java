package org.edgebatch.step;

import java.util.Objects;

/**
 * A significant event: one class seen in one video from {@code startFrame} to {@code endFrame} (times in microseconds
 * from the start of the video), with its highest score and the frame where that score was reached.
 *
 * @param detections how many detections of the class (at or above the minimum score) the event merges
 */
public record DetectedEvent(String videoId, int classId, String label, long startFrame, long endFrame,
                            long startMicros, long endMicros, float maxScore, long bestFrame, long bestMicros,
                            int detections) {

    public DetectedEvent {
        Objects.requireNonNull(videoId, "videoId must not be null");
        Objects.requireNonNull(label, "label must not be null");
        if (endMicros < startMicros || endFrame < startFrame) {
            throw new IllegalArgumentException("an event ends before it starts: frames " + startFrame + ".." + endFrame
                    + ", " + startMicros + ".." + endMicros + " µs");
        }
    }

    public double durationSeconds() {
        return (endMicros - startMicros) / 1e6;
    }

    public double startSeconds() {
        return startMicros / 1e6;
    }

    public double endSeconds() {
        return endMicros / 1e6;
    }

    /** A name unique within the job instance, safe as a file name: {@code v3-person-000120}. */
    public String key() {
        return videoId + "-" + label.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + String.format("%06d", startFrame);
    }

    /** Whether this event and {@code other} are of the same class and overlap in time. */
    public boolean overlaps(DetectedEvent other) {
        return label.equals(other.label) && startMicros <= other.endMicros && other.startMicros <= endMicros;
    }
}
