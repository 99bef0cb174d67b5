package org.edgebatch.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;
import java.util.Objects;
import org.edgebatch.redact.RedactMargin;
import org.edgebatch.redact.RedactStyle;

/**
 * What turns detections into significant events, the only thing a node ships.
 *
 * @param classes            the classes that make events; empty (default) means every class the model keeps
 * @param minScore           the score a detection needs to start or extend an event (0..1, default 0.5)
 * @param minDurationSeconds an event shorter than this is dropped as a flicker (0..86400, default 0.5)
 * @param mergeGapSeconds    detections of one class closer than this in time belong to one event (0..86400, default 2)
 * @param snapshot           whether each event gets one annotated snapshot image (default {@code true})
 * @param clip               whether each event gets a short video clip (default {@code false})
 * @param clipPaddingSeconds video kept before and after the event in its clip (0..60, default 2)
 * @param redact             the classes whose boxes are blurred in every snapshot and clip frame that leaves the node
 *                           (the node's own files stay as they are); default none. Each must be a class of the model
 *                           (checked against its labels at launch) and one {@code model.classes} keeps
 * @param redactStyle        {@code blur} (default) or {@code pixelate}
 * @param redactMargin       how far the redacted region reaches past each box on every side: a fraction of the box
 *                           (0..1, default 0.1) or pixels ({@code 8px}, 0..1000)
 */
public record EventsSpec(List<String> classes, double minScore, double minDurationSeconds, double mergeGapSeconds,
                         boolean snapshot, boolean clip, double clipPaddingSeconds, List<String> redact,
                         String redactStyle, String redactMargin) {

    public static final double DEFAULT_MIN_SCORE = 0.5;
    public static final double DEFAULT_MIN_DURATION_SECONDS = 0.5;
    public static final double DEFAULT_MERGE_GAP_SECONDS = 2.0;
    public static final double DEFAULT_CLIP_PADDING_SECONDS = 2.0;
    public static final double MAX_SECONDS = 86_400;
    public static final double MAX_CLIP_PADDING_SECONDS = 60;
    public static final String DEFAULT_REDACT_STYLE = "blur";
    public static final String DEFAULT_REDACT_MARGIN = "0.1";

    public EventsSpec {
        classes = List.copyOf(classes);
        redact = List.copyOf(redact);
        Objects.requireNonNull(redactStyle, "redactStyle must not be null");
        Objects.requireNonNull(redactMargin, "redactMargin must not be null");
    }

    /** Settings without redaction. */
    public EventsSpec(List<String> classes, double minScore, double minDurationSeconds, double mergeGapSeconds,
                      boolean snapshot, boolean clip, double clipPaddingSeconds) {
        this(classes, minScore, minDurationSeconds, mergeGapSeconds, snapshot, clip, clipPaddingSeconds, List.of(),
                DEFAULT_REDACT_STYLE, DEFAULT_REDACT_MARGIN);
    }

    /** Whether anything leaving the node is redacted. */
    public boolean redacts() {
        return !redact.isEmpty();
    }

    /** The redaction style of a validated spec. */
    public RedactStyle style() {
        return RedactStyle.byName(redactStyle);
    }

    /** The redaction margin of a validated spec. */
    public RedactMargin margin() {
        return RedactMargin.parse(redactMargin);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static EventsSpec bind(List<String> classes, Double minScore, Double minDurationSeconds, Double mergeGapSeconds,
                           Boolean snapshot, Boolean clip, Double clipPaddingSeconds, List<String> redact,
                           String redactStyle, String redactMargin) {
        return new EventsSpec(
                SpecValues.list("classes", classes),
                Objects.requireNonNullElse(minScore, DEFAULT_MIN_SCORE),
                Objects.requireNonNullElse(minDurationSeconds, DEFAULT_MIN_DURATION_SECONDS),
                Objects.requireNonNullElse(mergeGapSeconds, DEFAULT_MERGE_GAP_SECONDS),
                Objects.requireNonNullElse(snapshot, true),
                Objects.requireNonNullElse(clip, false),
                Objects.requireNonNullElse(clipPaddingSeconds, DEFAULT_CLIP_PADDING_SECONDS),
                SpecValues.list("redact", redact),
                Objects.requireNonNullElse(redactStyle, DEFAULT_REDACT_STYLE).strip(),
                Objects.requireNonNullElse(redactMargin, DEFAULT_REDACT_MARGIN).strip());
    }

    static EventsSpec absent() {
        return bind(null, null, null, null, null, null, null, null, null, null);
    }

    void validate(SpecProblems problems) {
        problems.noBlankEntries("classes", classes);
        problems.between("minScore", minScore, 0, 1);
        problems.between("minDurationSeconds", minDurationSeconds, 0, MAX_SECONDS);
        problems.between("mergeGapSeconds", mergeGapSeconds, 0, MAX_SECONDS);
        problems.between("clipPaddingSeconds", clipPaddingSeconds, 0, MAX_CLIP_PADDING_SECONDS);
        problems.noBlankEntries("redact", redact);
        problems.oneOf("redactStyle", redactStyle, RedactStyle.names());
        try {
            RedactMargin.parse(redactMargin);
        } catch (IllegalArgumentException e) {
            problems.add("redactMargin", e.getMessage());
        }
    }
}
