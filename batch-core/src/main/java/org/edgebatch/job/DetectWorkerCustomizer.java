package org.edgebatch.job;

import org.edgebatch.step.FrameDetections;
import org.edgebatch.step.PendingFrame;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;

/**
 * A hook on the detect worker step of each partition, applied last: adds listeners (metrics, logging, or a failure
 * injected by a test) without rebuilding the step. Beans of this type are picked up by the configuration.
 */
@FunctionalInterface
public interface DetectWorkerCustomizer {

    /**
     * @param video the partition's first video (a partition may hold several files of one node; items carry their
     *              own video id)
     */
    void customize(ChunkOrientedStepBuilder<PendingFrame, FrameDetections> builder, PlannedVideo video);
}
