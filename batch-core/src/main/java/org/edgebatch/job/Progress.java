package org.edgebatch.job;

import java.util.List;

/**
 * How far an execution is, read from the job repository (so another process can poll it): the step running, frames
 * of the input read so far against the frames the files have (probed, so an estimate for some containers),
 * partitions of the detect step done, pictures decoded per second by this execution since it started, and the same
 * frame and partition counts per node.
 */
public record Progress(long jobExecutionId, String status, String step, long framesDone, long framesTotal,
                       int partitionsDone, int partitionsTotal, double framesPerSecond, List<NodeProgress> nodes) {

    public Progress {
        nodes = List.copyOf(nodes);
    }

    /** A progress without the per-node figures. */
    public Progress(long jobExecutionId, String status, String step, long framesDone, long framesTotal, int partitionsDone,
                    int partitionsTotal, double framesPerSecond) {
        this(jobExecutionId, status, step, framesDone, framesTotal, partitionsDone, partitionsTotal, framesPerSecond, List.of());
    }

    /** Frames done over frames total, 0..1 (1 for a job with no frames). */
    public double fraction() {
        return framesTotal <= 0 ? 1 : Math.min(1, (double) framesDone / framesTotal);
    }
}
