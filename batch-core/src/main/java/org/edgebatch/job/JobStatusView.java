package org.edgebatch.job;

import java.util.List;
import org.edgebatch.report.RunReport;

/**
 * The status of one execution, ready to print or serialise: the job, its status and exit code, the failure (root
 * cause of the first failed step, empty otherwise), the steps in order, the latest run of every partition, and who
 * runs it when it is running ({@code runner} "host pid", empty otherwise), per node what left it, and the files the
 * inventory left out (unreadable, or deferred to the next run).
 */
public record JobStatusView(long jobExecutionId, long jobInstanceId, String jobName, String status, String exitCode,
                            String failure, String startTime, String endTime, String specSource, String runner,
                            List<StepView> steps, List<PartitionView> partitions, List<NodeFigures> nodes,
                            List<RunReport.LeftOut> leftOut) {

    public JobStatusView {
        steps = List.copyOf(steps);
        partitions = List.copyOf(partitions);
        nodes = List.copyOf(nodes);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * One node's footage and what left it, for the job instance as of this execution: footage bytes scanned, bytes
     * its publish target confirmed, events made, events still waiting in the outbox.
     */
    public record NodeFigures(String nodeId, long bytesScanned, long bytesUploaded, long events, long pendingUploads) {
    }

    /** One step of the execution (manager steps, not partitions): name, status, items written, failure. */
    public record StepView(String name, String status, long writeCount, long skipCount, String failure) {
    }
}
