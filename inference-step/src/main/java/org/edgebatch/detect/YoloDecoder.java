package org.edgebatch.detect;

import java.lang.foreign.MemorySegment;
import org.edgebatch.ort.ElementType;

/**
 * Turns one image's raw output tensor into candidate boxes in model-input pixels. Implementations
 * keep per-frame scratch memory and are not thread-safe.
 */
public interface YoloDecoder {

    /** Classes the model predicts. */
    int classCount();

    /**
     * Appends to {@code out} every box whose score is above {@code confidence} (strictly, as
     * Ultralytics does) and whose best class {@code filter} accepts; one box per row, best class only.
     */
    void decode(MemorySegment output, ElementType type, float confidence, ClassFilter filter, Candidates out);
}
