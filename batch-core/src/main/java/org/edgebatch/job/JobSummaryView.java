package org.edgebatch.job;

/** One line of {@code jobs}: an execution, its job and instance, status and times (ISO-8601, null until known). */
public record JobSummaryView(long jobExecutionId, long jobInstanceId, String jobName, String status, String exitCode,
                             String startTime, String endTime) {
}
