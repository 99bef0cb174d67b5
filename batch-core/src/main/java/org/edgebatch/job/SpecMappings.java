package org.edgebatch.job;

import java.util.HashSet;
import org.edgebatch.spec.EventsSpec;
import org.edgebatch.spec.MotionSpec;
import org.edgebatch.spec.SamplingSpec;
import org.edgebatch.step.EventRules;
import org.edgebatch.video.FrameSampling;
import org.edgebatch.video.MotionGate;

/** Turns the spec's records into the settings of the per-frame classes. */
final class SpecMappings {

    /** The motion gate's grid: 160 cells across, its tested default. */
    static final int MOTION_GRID_WIDTH = 160;

    private SpecMappings() {
    }

    static FrameSampling sampling(SamplingSpec sampling) {
        return switch (sampling) {
            case SamplingSpec.EveryNthFrame(int n) -> n == 1 ? FrameSampling.everyFrame() : FrameSampling.everyNthFrame(n);
            case SamplingSpec.Fps(double fps) -> FrameSampling.targetFps(fps);
            case SamplingSpec.KeyframesOnly() -> FrameSampling.keyFramesOnly();
        };
    }

    /** The gate's settings; a keep-alive of 0 (allowed by the spec) becomes one microsecond: every still frame goes. */
    static MotionGate.Settings motion(MotionSpec motion) {
        return new MotionGate.Settings(MOTION_GRID_WIDTH, Math.min(motion.pixelDelta(), 254), motion.threshold(),
                Math.max(motion.keepAliveSeconds(), 1e-6));
    }

    static EventRules events(EventsSpec events) {
        return new EventRules(new HashSet<>(events.classes()), events.minScore(), events.mergeGapSeconds(),
                events.minDurationSeconds());
    }
}
