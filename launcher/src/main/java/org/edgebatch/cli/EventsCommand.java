package org.edgebatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.edgebatch.job.EventView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgebatch events}: the significant events an execution's job found, with their snapshot and clip files. */
@Command(name = "events", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Lists the events of an execution's job instance by node, video and time, with their files.",
                "--json: an array of {key, node, video, label, start, end, startFrame, endFrame, maxScore, bestFrame,"
                        + " snapshot, clip, json} (start and end in seconds from the start of the video; snapshot and clip may be null)."})
final class EventsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "The execution (any execution of the instance).")
    long executionId;

    @Mixin
    DatabaseOption database;

    @Option(names = "--json", description = "Print the events as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        try (RepositoryReader repository = RepositoryReader.open(database.url())) {
            List<EventView> events = Executions.refusingUnknown(() -> repository.executions().events(executionId));
            if (json) {
                out.println(JsonOutput.pretty(events));
            } else if (events.isEmpty()) {
                out.println("No events for execution " + executionId);
            } else {
                TextTable table = new TextTable("node", "label", ">start s", ">end s", ">score", "video", "snapshot");
                events.forEach(event -> table.row(event.node(), event.label(), seconds(event.start()), seconds(event.end()),
                        String.format(Locale.ROOT, "%.2f", event.maxScore()), Path.of(event.video()).getFileName(), event.snapshot()));
                table.print(out, "");
                out.println(events.size() + " event(s)");
            }
            out.flush();
            return ExitCodes.COMPLETED;
        }
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
