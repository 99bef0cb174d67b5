package org.edgebatch.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The report of one job execution, written to {@code <output>/runs/<repository>/<jobExecutionId>/report.json} (see
 * {@link org.edgebatch.output.OutputLayout}). It is a contract: the cost model reads it with classes of its own, and
 * both sides are held to the JSON Schema {@value #SCHEMA} beside this class (draft 2020-12). Totals and nodes describe
 * the whole job instance as of this execution.
 */
public record RunReport(long jobExecutionId, String jobName, String status, String startTime, String endTime,
                        Model model, RunTotals totals, List<NodeReport> nodes, List<EventReport> events,
                        List<LeftOut> leftOut) {

    /** The JSON Schema of {@code report.json}, a class path resource beside this class. */
    public static final String SCHEMA = "report.schema.json";

    public RunReport {
        nodes = List.copyOf(nodes);
        events = List.copyOf(events);
        leftOut = List.copyOf(leftOut);
    }

    /** A report without files left out. */
    public RunReport(long jobExecutionId, String jobName, String status, String startTime, String endTime, Model model,
                     RunTotals totals, List<NodeReport> nodes, List<EventReport> events) {
        this(jobExecutionId, jobName, status, startTime, endTime, model, totals, nodes, events, List.of());
    }

    /** The detector the run used. */
    public record Model(String path, String provider) {
    }

    /** One node's figures, written flat beside its id. */
    public record NodeReport(String nodeId, @JsonUnwrapped RunTotals totals) {
    }

    /**
     * A file the inventory found in a folder but did not plan: {@code kind} {@code unreadable} (not a readable video)
     * or {@code deferred} (modified within {@code input.settleSeconds}, left for the next run), and why.
     */
    public record LeftOut(String node, String path, String kind, String reason) {
    }

    /** One event, times in seconds from the start of its video. */
    public record EventReport(String node, String video, @JsonProperty("class") String label, double start, double end,
                              float maxScore, long bestFrame, String snapshot) {
    }
}
