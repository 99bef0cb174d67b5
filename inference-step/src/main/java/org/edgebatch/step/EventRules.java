package org.edgebatch.step;

import java.util.Set;

/**
 * What makes detections an event: the classes that count (empty: every class), the score a detection needs, the
 * longest gap between two detections of one event, and the shortest event kept.
 */
public record EventRules(Set<String> classes, double minScore, double mergeGapSeconds, double minDurationSeconds) {

    public EventRules {
        classes = Set.copyOf(classes);
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be 0..1, was " + minScore);
        }
        if (!(mergeGapSeconds >= 0) || !(minDurationSeconds >= 0)) {
            throw new IllegalArgumentException("mergeGapSeconds and minDurationSeconds must not be negative, were "
                    + mergeGapSeconds + " and " + minDurationSeconds);
        }
    }

    /** Whether a detection of {@code label} with {@code score} starts or extends an event. */
    public boolean counts(String label, float score) {
        return score >= minScore && (classes.isEmpty() || classes.contains(label));
    }
}
