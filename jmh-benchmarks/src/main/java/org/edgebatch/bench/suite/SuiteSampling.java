package org.edgebatch.bench.suite;

import java.util.List;
import org.edgebatch.video.FrameSampling;

/** The sampling modes the suite decodes and runs the job with, by their name in the report and their line in a spec. */
public enum SuiteSampling {
    EVERY_FRAME("every frame", "everyNthFrame: 1"),
    EVERY_10TH_FRAME("every 10th frame", "everyNthFrame: 10"),
    FPS_1("fps 1", "fps: 1"),
    KEY_FRAMES("key frames", "keyframesOnly: true");

    /** The modes the job is run with. */
    public static final List<SuiteSampling> JOB_MODES = List.of(EVERY_FRAME, FPS_1, KEY_FRAMES);

    /** The modes decoding is timed with. */
    public static final List<SuiteSampling> DECODE_MODES = List.of(EVERY_FRAME, EVERY_10TH_FRAME, KEY_FRAMES);

    private final String label;
    private final String specLine;

    SuiteSampling(String label, String specLine) {
        this.label = label;
        this.specLine = specLine;
    }

    /** The name in the report, e.g. {@code key frames}. */
    public String label() {
        return label;
    }

    /** The line under {@code sampling:} of a job spec. */
    public String specLine() {
        return specLine;
    }

    /** The reader's sampling for this mode. */
    public FrameSampling frameSampling() {
        return switch (this) {
            case EVERY_FRAME -> FrameSampling.everyFrame();
            case EVERY_10TH_FRAME -> FrameSampling.everyNthFrame(10);
            case FPS_1 -> FrameSampling.targetFps(1);
            case KEY_FRAMES -> FrameSampling.keyFramesOnly();
        };
    }
}
