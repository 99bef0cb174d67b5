package org.edgebatch.step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edgebatch.detect.Detection;

/**
 * Merges the detections of one video, fed in frame order, into events: per class, detections closer than the merge
 * gap belong to one event; an event shorter than the minimum duration is dropped as a flicker. Only open events are
 * kept in memory, so a long video streams through it.
 */
public final class EventBuilder {

    private final String videoId;
    private final EventRules rules;
    private final long mergeGapMicros;
    private final long minDurationMicros;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final List<DetectedEvent> events = new ArrayList<>();
    private long lastFrame = -1;

    public EventBuilder(String videoId, EventRules rules) {
        this.videoId = Objects.requireNonNull(videoId, "videoId must not be null");
        this.rules = Objects.requireNonNull(rules, "rules must not be null");
        this.mergeGapMicros = Math.round(rules.mergeGapSeconds() * 1e6);
        this.minDurationMicros = Math.round(rules.minDurationSeconds() * 1e6);
    }

    /**
     * Adds one detection; frames must come in non-decreasing order.
     *
     * @throws IllegalArgumentException when {@code frameIndex} goes backwards
     */
    public void add(long frameIndex, long timestampMicros, Detection detection) {
        if (frameIndex < lastFrame) {
            throw new IllegalArgumentException(videoId + ": detections must come in frame order; frame " + frameIndex
                    + " after frame " + lastFrame);
        }
        lastFrame = frameIndex;
        if (!rules.counts(detection.label(), detection.score())) {
            return;
        }
        Open current = open.get(detection.label());
        if (current != null && timestampMicros - current.endMicros > mergeGapMicros) {
            close(current);
            current = null;
        }
        if (current == null) {
            current = new Open(detection.classId(), detection.label(), frameIndex, timestampMicros);
            open.put(detection.label(), current);
        }
        current.extend(frameIndex, timestampMicros, detection.score());
    }

    /** Closes the events still open and returns every event kept, by start time then class. */
    public List<DetectedEvent> finish() {
        List.copyOf(open.values()).forEach(this::close);
        List<DetectedEvent> result = new ArrayList<>(events);
        result.sort(Comparator.comparingLong(DetectedEvent::startMicros).thenComparing(DetectedEvent::label));
        return result;
    }

    private void close(Open event) {
        open.remove(event.label);
        if (event.endMicros - event.startMicros >= minDurationMicros) {
            events.add(new DetectedEvent(videoId, event.classId, event.label, event.startFrame, event.endFrame,
                    event.startMicros, event.endMicros, event.maxScore, event.bestFrame, event.bestMicros, event.count));
        }
    }

    private static final class Open {
        final int classId;
        final String label;
        final long startFrame;
        final long startMicros;
        long endFrame;
        long endMicros;
        float maxScore = -1;
        long bestFrame;
        long bestMicros;
        int count;

        Open(int classId, String label, long startFrame, long startMicros) {
            this.classId = classId;
            this.label = label;
            this.startFrame = startFrame;
            this.startMicros = startMicros;
        }

        void extend(long frame, long micros, float score) {
            endFrame = frame;
            endMicros = micros;
            count++;
            if (score > maxScore) {
                maxScore = score;
                bestFrame = frame;
                bestMicros = micros;
            }
        }
    }
}
