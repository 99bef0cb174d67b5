package org.edgebatch.bench.suite;

import org.edgebatch.video.FrameSampling;

/** The sampling modes the suite runs the job with, by their name in the report and their line in the job's spec. */
public enum SuiteSampling {
    EVERY_FRAME("every frame", "everyNthFrame: 1"),
    FPS_1("fps 1", "fps: 1"),
    KEY_FRAMES("key frames", "keyframesOnly: true");

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
            case FPS_1 -> FrameSampling.targetFps(1);
            case KEY_FRAMES -> FrameSampling.keyFramesOnly();
        };
    }
}
