package org.edgebatch.job;

import java.util.List;

/**
 * The status of one execution, ready to print or serialise: the job, its status and exit code, the failure (root
 * cause of the first failed step, empty otherwise), the steps in order, the latest run of every partition, and who
 * runs it when it is running ({@code runner} "host pid", empty otherwise).
 */
public record JobStatusView(long jobExecutionId, long jobInstanceId, String jobName, String status, String exitCode,
                            String failure, String startTime, String endTime, String specSource, String runner,
                            List<StepView> steps, List<PartitionView> partitions) {

    public JobStatusView {
        steps = List.copyOf(steps);
        partitions = List.copyOf(partitions);
    }

    /** One step of the execution (manager steps, not partitions): name, status, items written, failure. */
    public record StepView(String name, String status, long writeCount, long skipCount, String failure) {
    }
}
