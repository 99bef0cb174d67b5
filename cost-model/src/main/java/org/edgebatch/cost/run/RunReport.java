package org.edgebatch.cost.run;

import java.math.BigDecimal;
import java.util.List;

/**
 * The parts of a job's run report ({@code <output>/runs/<repository>/<jobExecutionId>/report.json}) the cost projection
 * reads; the job writes more, which is ignored. The file's contract is batch-core's JSON Schema
 * {@code org/edgebatch/report/report.schema.json} (this module stays free of batch classes; the launcher's
 * {@code SharedOutputTests} reads reports of real runs with {@link RunReportReader}).
 */
public record RunReport(Long jobExecutionId, String jobName, String status, String startTime, String endTime,
                        Totals totals, List<NodeTotals> nodes) {

    /** Totals over the whole run. */
    public record Totals(Long files, Long framesDecoded, Long framesInferred, Long framesSkippedByMotion, Long events,
                         Long bytesScanned, Long bytesEventArtifacts, BigDecimal videoSeconds, BigDecimal wallSeconds,
                         BigDecimal framesPerSecond) {
    }

    /** One node's share: how fast it went is what the edge compute projection needs. */
    public record NodeTotals(String nodeId, Long framesDecoded, BigDecimal wallSeconds, BigDecimal framesPerSecond) {
    }

    public RunReport {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
