package org.edgebatch.step;

import java.util.Objects;
import org.edgebatch.video.MotionGate;
import org.edgebatch.video.VideoFrame;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * A {@link MotionGate} as a Spring Batch item processor: a frame without motion comes out as {@code null}, which
 * Spring Batch counts as filtered. The gate is stateful: use one per partition, in a step that processes its frames in
 * order one at a time (the detect step judges frames as it reads them instead, see {@link MotionGatingReader}).
 */
public class MotionGateProcessor implements ItemProcessor<VideoFrame, VideoFrame> {

    private final MotionGate gate;

    public MotionGateProcessor(MotionGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate must not be null");
    }

    @Override
    public VideoFrame process(VideoFrame frame) {
        return gate.test(frame) ? frame : null;
    }
}
