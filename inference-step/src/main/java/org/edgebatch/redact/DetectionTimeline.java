package org.edgebatch.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.edgebatch.detect.Detection;

/**
 * The boxes to redact in each frame of a clip, from the detections the detect step stored by frame index. A frame with
 * detections of its own uses them. A frame without (not sampled, skipped by the motion gate, or where the detector
 * missed) takes the boxes of the nearest earlier and the nearest later frame that have detections, when they are at
 * most {@code maxGapMicros} away: between samples a person stays near where the samples before and after saw them,
 * and redacting both places is the safe side.
 */
public final class DetectionTimeline {

    private record Sample(long micros, List<Detection> detections) {
    }

    private final NavigableMap<Long, Sample> byFrame = new TreeMap<>();
    private final long maxGapMicros;

    public DetectionTimeline(long maxGapMicros) {
        if (maxGapMicros < 0) {
            throw new IllegalArgumentException("maxGapMicros must not be negative, was " + maxGapMicros);
        }
        this.maxGapMicros = maxGapMicros;
    }

    /** Adds one detection of frame {@code frameIndex} (at {@code micros}). */
    public DetectionTimeline add(long frameIndex, long micros, Detection detection) {
        Objects.requireNonNull(detection, "detection must not be null");
        byFrame.computeIfAbsent(frameIndex, index -> new Sample(micros, new ArrayList<>())).detections().add(detection);
        return this;
    }

    /** The boxes for frame {@code frameIndex} at {@code micros}; see the class comment. */
    public List<Detection> at(long frameIndex, long micros) {
        Sample own = byFrame.get(frameIndex);
        if (own != null) {
            return List.copyOf(own.detections());
        }
        List<Detection> near = new ArrayList<>();
        for (Map.Entry<Long, Sample> entry : new Map.Entry[] {byFrame.lowerEntry(frameIndex), byFrame.higherEntry(frameIndex)}) {
            if (entry != null && Math.abs(entry.getValue().micros() - micros) <= maxGapMicros) {
                near.addAll(entry.getValue().detections());
            }
        }
        return near;
    }
}
