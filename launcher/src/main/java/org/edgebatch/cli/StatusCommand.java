package org.edgebatch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgebatch.job.ExecutionExplorer;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.job.JobSummaryView;
import org.edgebatch.job.PartitionView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgebatch status}: an execution's status, steps and partitions (the latest execution without an id). */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Shows an execution: its status, why it failed, its steps, and every partition (node, video, frames"
                + " read, status). Without an id, the latest execution. Works while the job runs in another process.",
                "--json fields: jobExecutionId, jobInstanceId, jobName, status, exitCode, failure, startTime, endTime,"
                        + " specSource, runner, steps[name, status, writeCount, skipCount, failure],"
                        + " partitions[step, partition, node, video, status, lastFrameIndex, frames, undecodable, failure, host,"
                        + " framesInferred, detections, files[video, frames, framesDone, framesInferred, detections]], nodes[nodeId, bytesScanned, bytesUploaded, events, pendingUploads],"
                        + " leftOut[node, path, kind (unreadable or deferred), reason]."})
final class StatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXECUTION_ID", description = "The execution (default: the latest).")
    Long executionId;

    @Mixin
    DatabaseOption database;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        try (RepositoryReader repository = RepositoryReader.open(database.url())) {
            ExecutionExplorer executions = repository.executions();
            long id = executionId != null ? executionId : latest(executions, repository.databaseUrl());
            JobStatusView status = Executions.refusingUnknown(() -> executions.status(id));
            if (json) {
                out.println(JsonOutput.pretty(status));
            } else {
                print(status, executions, out);
            }
            out.flush();
            return ExitCodes.COMPLETED;
        }
    }

    private static long latest(ExecutionExplorer executions, String databaseUrl) {
        List<JobSummaryView> latest = executions.jobs(1);
        if (latest.isEmpty()) {
            throw new CommandRefusal("there are no job executions in " + databaseUrl);
        }
        return latest.getFirst().jobExecutionId();
    }

    static void print(JobStatusView status, ExecutionExplorer executions, PrintWriter out) {
        out.println("Execution " + status.jobExecutionId() + " of job " + status.jobName() + " (instance " + status.jobInstanceId()
                + "): " + status.status());
        field(out, "spec", status.specSource());
        field(out, "started", Times.shortTime(status.startTime()));
        field(out, "ended", Times.shortTime(status.endTime()));
        field(out, "runner", status.runner().isEmpty() ? "" : "process " + status.runner());
        if (status.endTime() == null && status.startTime() != null) {
            field(out, "progress", new ProgressFormatter().line(executions.progress(status.jobExecutionId()))
                    .substring("progress: ".length()));
        }
        field(out, "failure", status.failure());
        if (!status.steps().isEmpty()) {
            out.println();
            TextTable steps = new TextTable("step", "status", ">written", ">skipped");
            status.steps().forEach(step -> steps.row(step.name(), step.status(), step.writeCount(), step.skipCount()));
            steps.print(out, "  ");
        }
        if (!status.partitions().isEmpty()) {
            out.println();
            // The worker's host matters once work ran on other machines; on this one it would only repeat its name.
            String here = org.edgebatch.job.ProcessHeartbeat.localHostName();
            boolean elsewhere = status.partitions().stream().anyMatch(p -> !p.host().isEmpty() && !p.host().equals(here));
            TextTable partitions = elsewhere
                    ? new TextTable("partition", "node", "host", "status", ">frames", ">undecodable", "video")
                    : new TextTable("partition", "node", "status", ">frames", ">undecodable", "video");
            for (PartitionView partition : status.partitions()) {
                boolean detect = partition.step().startsWith("detect");
                boolean group = partition.files().size() > 1;
                long done = group ? partition.files().stream().mapToLong(PartitionView.FileView::framesDone).sum()
                        : partition.lastFrameIndex() + 1;
                String frames = detect ? done + "/" + partition.frames() : "";
                Object undecodable = detect ? partition.undecodable() : "";
                String name = partition.step() + ":" + partition.partition();
                String video = group ? partition.files().size() + " files" : partition.video();
                if (elsewhere) {
                    partitions.row(name, partition.node(), partition.host(), partition.status(), frames, undecodable, video);
                } else {
                    partitions.row(name, partition.node(), partition.status(), frames, undecodable, video);
                }
                if (group && detect) {
                    // A partition of several files lists each with its frames done.
                    for (PartitionView.FileView file : partition.files()) {
                        String fileFrames = file.framesDone() + "/" + file.frames();
                        if (elsewhere) {
                            partitions.row("", "", "", "", fileFrames, "", file.video());
                        } else {
                            partitions.row("", "", "", fileFrames, "", file.video());
                        }
                    }
                }
            }
            partitions.print(out, "  ");
            status.partitions().stream().filter(p -> !p.failure().isEmpty()).forEach(p ->
                    out.println("  " + p.step() + ":" + p.partition() + " failed: " + p.failure()));
        }
        if (!status.leftOut().isEmpty()) {
            out.println();
            out.println("  files left out (" + status.leftOut().size() + "):");
            status.leftOut().forEach(file -> out.println("    " + file.kind() + " " + file.path() + " (" + file.node() + "): "
                    + file.reason()));
        }
    }

    private static void field(PrintWriter out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.printf("  %-9s %s%n", name, value);
        }
    }
}
