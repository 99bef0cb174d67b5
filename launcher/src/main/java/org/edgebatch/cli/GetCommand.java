package org.edgebatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.publish.Outbox;
import org.edgebatch.publish.Publisher;
import org.edgebatch.publish.Publishers;
import org.edgebatch.publish.ResultFetcher;
import org.edgebatch.spec.PublishSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgebatch get}: fetches an execution's published node folders back and verifies every file. */
@Command(name = "get", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Fetches the published folder of every node of an execution's job instance from its publish target"
                + " (file:// or s3://) into --output, one folder per node named by the SHA-256 of its manifest.json,"
                + " and checks every file against the manifest (size and SHA-256).",
                "Exit code: 0 when every folder verified, 1 when a file is missing or altered (each is named), 2 when"
                        + " the execution is unknown or publishes nowhere."})
final class GetCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "The execution (any execution of the instance).")
    long executionId;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Where the node folders go.")
    Path output;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        try (JobSession session = JobSession.open(database.url(), err)) {
            JobStatusView status = Executions.refusingUnknown(() -> session.executions().status(executionId));
            PublishSpec spec = session.specs().load(status.jobInstanceId()).publish();
            List<Outbox.Folder> folders = session.bean(Outbox.class).folders(status.jobInstanceId());
            Publisher publisher = session.bean(Publishers.class).of(spec).orElseThrow(() -> new CommandRefusal(
                    "job " + status.jobName() + " publishes nowhere (publish.target: none): there is nothing to get"));
            List<String> problems = new ArrayList<>();
            try (publisher) {
                ResultFetcher fetcher = new ResultFetcher(publisher);
                for (Outbox.Folder folder : folders) {
                    ResultFetcher.Fetched fetched = fetcher.fetch(status.jobName(), folder.nodeId(), folder.jobExecutionId(), output);
                    if (fetched.manifestSha256() != null) {
                        out.println(fetched.nodeId() + "  sha256:" + fetched.manifestSha256() + "  " + fetched.folder() + "  "
                                + fetched.files() + " file(s)" + (fetched.verified() ? " verified" : ", " + fetched.problems().size() + " bad"));
                    }
                    if (folder.pending() > 0) {
                        problems.add("node " + folder.nodeId() + ": " + folder.pending() + " event(s) still wait in the outbox"
                                + " (send them with: edgebatch publish --job " + status.jobName() + ")");
                    }
                    fetched.problems().forEach(problem -> problems.add("node " + fetched.nodeId() + ": " + problem));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write under " + output + ": " + e.getMessage(), e);
            }
            if (folders.isEmpty()) {
                out.println("Execution " + executionId + " of job " + status.jobName() + " published no events.");
            }
            out.flush();
            problems.forEach(err::println);
            err.flush();
            return problems.isEmpty() ? ExitCodes.COMPLETED : ExitCodes.NOT_COMPLETED;
        }
    }
}
