package org.edgebatch.step;

import java.util.Objects;
import org.edgebatch.video.MotionGate;
import org.edgebatch.video.VideoFrame;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads frames and puts each through the partition's {@link MotionGate} as it is read. The gate compares each frame
 * with the last one it let through, so it must see the frames in order, one at a time; judged here, on the reading
 * thread, the frames can then be inferred several at once. Without a gate every frame is to be inferred.
 */
public class MotionGatingReader implements ItemStreamReader<GatedFrame> {

    private final ItemStreamReader<VideoFrame> frames;
    private final MotionGate gate;

    /** @param gate the partition's motion gate, or {@code null} to infer every frame */
    public MotionGatingReader(ItemStreamReader<VideoFrame> frames, MotionGate gate) {
        this.frames = Objects.requireNonNull(frames, "frames must not be null");
        this.gate = gate;
    }

    @Override
    public GatedFrame read() throws Exception {
        VideoFrame frame = frames.read();
        if (frame == null) {
            return null;
        }
        return new GatedFrame(frame, gate == null || gate.test(frame));
    }

    @Override
    public void open(ExecutionContext executionContext) {
        frames.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        frames.update(executionContext);
    }

    @Override
    public void close() {
        frames.close();
    }
}
