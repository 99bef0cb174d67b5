package org.edgebatch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.edgebatch.partition.registry.NodeRecord;
import org.edgebatch.partition.registry.NodeRegistry;
import org.edgebatch.partition.registry.NodeView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgebatch nodes}: the nodes registered in a job repository by their workers. */
@Command(name = "nodes", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Lists the nodes whose workers registered in the job repository (distributed mode): state (alive, lost:"
                + " silent longer than edgebatch.node-timeout, left: stopped), last heart-beat, host, labels, allow-list,"
                + " video files and bytes published, partitions running.",
                "--json: an array of {nodeId, state, lastHeartbeat, secondsSinceHeartbeat, host, pid, version, labels,"
                        + " allowList, threads, concurrency, files, bytes, inventoryPublished, partitionsRunning}."})
final class NodesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--json", description = "Print the nodes as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        try (RepositoryReader repository = RepositoryReader.open(database.url())) {
            NodeRegistry registry = repository.nodes();
            var timeout = repository.properties().nodeTimeout();
            long now = registry.now();
            Map<String, Integer> running = registry.runningPartitions();
            List<NodeView> nodes = registry.nodes().stream()
                    .map(node -> NodeView.of(node, now, timeout, running.getOrDefault(node.nodeId(), 0))).toList();
            if (json) {
                out.println(JsonOutput.pretty(nodes));
            } else if (nodes.isEmpty()) {
                out.println("No nodes registered in " + repository.databaseUrl() + " (start one with: edgebatch worker --node-id ID"
                        + " --allow PATH --broker URL --db URL)");
            } else {
                TextTable table = new TextTable("node", "state", "heart-beat", "host", ">pid", ">files", ">bytes", ">running",
                        "labels", "allow-list");
                nodes.forEach(node -> table.row(node.nodeId(), node.state(), NodeRecord.ago(node.secondsSinceHeartbeat() * 1000),
                        node.host(), node.pid(), node.files(), node.bytes(), node.partitionsRunning(),
                        node.labels().isEmpty() ? "" : node.labels().toString(), String.join(" ", node.allowList())));
                table.print(out, "");
            }
            out.flush();
            return ExitCodes.COMPLETED;
        }
    }
}
