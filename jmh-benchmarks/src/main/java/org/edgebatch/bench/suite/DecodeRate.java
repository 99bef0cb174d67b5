package org.edgebatch.bench.suite;

import java.nio.file.Path;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.FrameSampling;

/**
 * How fast this machine decodes a clip with the job's reader: every frame, or key frames only (the others never reach
 * the decoder). Frames are converted to BGR at most {@code maxWidth} wide, as the job hands them to a model.
 */
public final class DecodeRate {

    private final int maxWidth;

    public DecodeRate(int maxWidth) {
        this.maxWidth = maxWidth;
    }

    /** One read of {@code footage}'s clip to its end with {@code sampling}. */
    public SuiteReport.Decode measure(SuiteFootage footage, Path work, String mode, FrameSampling sampling) {
        long start = System.nanoTime();
        long frames = 0;
        try (FrameReader reader = FrameReader.builder(footage.clip(work)).sampling(sampling).maxWidth(maxWidth).open()) {
            while (reader.read() != null) {
                frames++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new SuiteReport.Decode(footage.name(), footage.width(), footage.height(), footage.fps(), mode, frames, seconds,
                frames / seconds, footage.seconds() / seconds, null);
    }
}
