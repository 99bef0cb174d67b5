package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.edgebatch.job.ProcessHeartbeat;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two worker processes, each allow-listing its own folder, and a manager process over the real RabbitMQ and MariaDB:
 * every partition runs on the worker whose node holds its file, the detections equal an embedded run's over the same
 * files, and the targets pick the nodes they name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KeepersGone.class)
class DistributedLocalityIntegrationTests {

    static final String DETECTIONS = "SELECT V.PATH, D.FRAME_INDEX, D.DET_INDEX, D.NODE_ID, D.CLASS_ID, D.LABEL, D.SCORE, D.X1, D.Y1,"
            + " D.X2, D.Y2 FROM EB_DETECTION D JOIN EB_VIDEO V ON V.JOB_INSTANCE_ID = D.JOB_INSTANCE_ID AND V.VIDEO_ID = D.VIDEO_ID"
            + " WHERE D.JOB_INSTANCE_ID = ? ORDER BY V.PATH, D.FRAME_INDEX, D.DET_INDEX";

    @TempDir
    static Path dir;

    static Path folderA;
    static Path folderB;
    static DistributedCluster cluster;

    @BeforeAll
    static void twoWorkersOnTheirOwnFolders() throws Exception {
        folderA = Files.createDirectories(dir.resolve("site-a")).toRealPath();
        folderB = Files.createDirectories(dir.resolve("site-b")).toRealPath();
        TestData.walking(folderA.resolve("a1.mp4"), 320, 180, 10, 4, 0.5, 3.5);
        TestData.walking(folderA.resolve("a2.mp4"), 320, 180, 10, 3, 0.5, 2.5);
        TestData.walking(folderB.resolve("b1.mp4"), 320, 180, 10, 5, 1, 4);
        cluster = DistributedCluster.create(dir.resolve("home"));
        cluster.startWorker("node-a", folderA, "--label", "site=north");
        cluster.startWorker("node-b", folderB, "--label", "site=south");
        cluster.awaitNodes(Duration.ofMinutes(3), "node-a", "node-b");
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void everyPartitionRunsOnTheWorkerHoldingItsFilesAndTheDetectionsEqualAnEmbeddedRun() throws Exception {
        // given: both folders as the input, every frame of every file
        Path spec = TestData.spec(dir, "locality", spec("locality", "all", "input: {paths: [%s, %s]}".formatted(folderA, folderB)));

        // when
        CliProcess.Finished run = cluster.startRun(spec, "--json").await(Duration.ofMinutes(5));

        // then: COMPLETED, and each detect partition was claimed by the worker process of the node holding its file
        assertThat(run.exitCode()).as(run + cluster.logs()).isZero();
        long execution = JsonMapper.shared().readTree(run.out()).get("jobExecutionId").asLong();
        List<List<Object>> partitions = cluster.rows("SELECT S.STEP_NAME, C.NODE_ID, C.HOST, C.PID, V.PATH, V.NODE_ID"
                + " FROM BATCH_STEP_EXECUTION S JOIN EB_PARTITION_CLAIM C ON C.STEP_EXECUTION_ID = S.STEP_EXECUTION_ID"
                + " JOIN BATCH_JOB_EXECUTION J ON J.JOB_EXECUTION_ID = S.JOB_EXECUTION_ID"
                + " JOIN EB_VIDEO V ON V.JOB_INSTANCE_ID = J.JOB_INSTANCE_ID"
                + " AND V.PARTITION_NAME = SUBSTRING(S.STEP_NAME, LOCATE(':', S.STEP_NAME) + 1)"
                + " WHERE S.JOB_EXECUTION_ID = ? AND S.STEP_NAME LIKE 'detectWorker:%' ORDER BY S.STEP_NAME, V.PARTITION_INDEX", execution);
        // one partition per node, each holding that node's files (node-a's two in one partition)
        assertThat(partitions).extracting(partition -> partition.get(0), partition -> Path.of((String) partition.get(4)).getFileName().toString())
                .containsExactly(tuple("detectWorker:node-a-v0", "a1.mp4"), tuple("detectWorker:node-a-v0", "a2.mp4"),
                        tuple("detectWorker:node-b-v2", "b1.mp4"));
        Map<String, Path> folders = Map.of("node-a", folderA, "node-b", folderB);
        for (List<Object> partition : partitions) {
            String claimedBy = (String) partition.get(1);
            assertThat(claimedBy).as("node that claimed %s", partition.get(0)).isEqualTo(partition.get(5));
            assertThat(((Number) partition.get(3)).longValue()).as("pid of the worker that ran %s", partition.get(0))
                    .isEqualTo(cluster.worker(claimedBy).process().pid());
            assertThat(partition.get(2)).isEqualTo(ProcessHeartbeat.localHostName());
            assertThat(Path.of((String) partition.get(4))).startsWith(folders.get(claimedBy));
        }
        long instance = cluster.count("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", execution);
        List<List<Object>> distributed = normalised(cluster.rows(DETECTIONS, instance));

        // and: an embedded run with the same two nodes as logical nodes finds exactly the same detections
        Path embeddedSpec = TestData.spec(dir, "embedded", spec("embedded", "all", """
                input: {paths: [%s, %s]}
                nodes:
                  - {id: node-a, paths: [%s]}
                  - {id: node-b, paths: [%s]}
                """.formatted(folderA, folderB, folderA, folderB)));
        Path h2 = Files.createDirectories(dir.resolve("embedded-db"));
        CliProcess.Finished embedded = CliProcess.run(cluster.home(), Duration.ofMinutes(5), "run", embeddedSpec.toString(),
                "--db", h2.toString(), "--json", "--progress", "none");
        assertThat(embedded.exitCode()).as(embedded.toString()).isZero();
        RepositoryQueries h2Rows = RepositoryQueries.inFolder(h2);
        long embeddedInstance = ((Number) h2Rows.rows("SELECT MAX(JOB_INSTANCE_ID) FROM EB_VIDEO").getFirst().getFirst()).longValue();
        List<List<Object>> reference = normalised(h2Rows.rows(DETECTIONS, embeddedInstance));
        assertThat(distributed).isNotEmpty().isEqualTo(reference);
    }

    @Test
    void nodesListsTheRegisteredWorkersWithTheirStateLabelsAllowListAndFiles() throws Exception {
        // when
        CliProcess.Finished json = CliProcess.run(cluster.home(), Duration.ofMinutes(1), "nodes", "--db", cluster.dbUrl(), "--json");
        CliProcess.Finished text = CliProcess.run(cluster.home(), Duration.ofMinutes(1), "nodes", "--db", cluster.dbUrl());

        // then
        assertThat(json.exitCode()).as(json.toString()).isZero();
        var nodes = JsonMapper.shared().readTree(json.out());
        assertThat(nodes).hasSize(2);
        var a = nodes.get(0);
        assertThat(a.get("nodeId").asString()).isEqualTo("node-a");
        assertThat(a.get("state").asString()).isEqualTo("alive");
        assertThat(a.get("labels").get("site").asString()).isEqualTo("north");
        assertThat(a.get("allowList").get(0).asString()).isEqualTo(folderA.toString());
        assertThat(a.get("files").asInt()).isEqualTo(2);
        assertThat(a.get("bytes").asLong()).isEqualTo(Files.size(folderA.resolve("a1.mp4")) + Files.size(folderA.resolve("a2.mp4")));
        assertThat(a.get("pid").asLong()).isEqualTo(cluster.worker("node-a").process().pid());
        assertThat(a.get("secondsSinceHeartbeat").asLong()).isLessThan(8);
        assertThat(text.out()).startsWith("node    state  heart-beat").contains("node-b  alive");
    }

    @Test
    void aLabelTargetRunsOnlyTheLabelledWorkersFiles() throws Exception {
        // node-a's two files in one partition
        assertThat(nodesThatRan("north", "label:site=north")).containsExactly("node-a");
    }

    @Test
    void aNodeTargetRunsOnlyThatNodesFiles() throws Exception {
        assertThat(nodesThatRan("named", "node:node-b")).containsExactly("node-b");
    }

    @Test
    void anyRunsOnExactlyOneNode() throws Exception {
        List<String> nodes = nodesThatRan("anyone", "any");
        assertThat(nodes).isNotEmpty();
        assertThat(nodes.stream().distinct()).hasSize(1);
    }

    /** Runs a job with the target over both folders; the nodes whose workers claimed its detect partitions. */
    private List<String> nodesThatRan(String name, String target) throws Exception {
        Path spec = TestData.spec(dir, name, spec(name, target, "input: {paths: [%s, %s]}".formatted(folderA, folderB)));
        CliProcess.Finished run = cluster.startRun(spec, "--json").await(Duration.ofMinutes(5));
        assertThat(run.exitCode()).as(run + cluster.logs()).isZero();
        long execution = JsonMapper.shared().readTree(run.out()).get("jobExecutionId").asLong();
        return cluster.rows("SELECT C.NODE_ID FROM EB_PARTITION_CLAIM C JOIN BATCH_STEP_EXECUTION S"
                + " ON S.STEP_EXECUTION_ID = C.STEP_EXECUTION_ID WHERE S.JOB_EXECUTION_ID = ? AND S.STEP_NAME LIKE 'detectWorker:%'"
                + " ORDER BY S.STEP_NAME", execution).stream().map(row -> (String) row.getFirst()).collect(Collectors.toList());
    }

    static String spec(String name, String target, String input) {
        return """
                name: %s
                %s
                target: "%s"
                model: {path: %s}
                chunkSize: 8
                threads: 1
                output: out
                publish: {target: none}
                """.formatted(name, input.strip(), target, SharedData.fastModel());
    }

    /** Rows with numbers as floats (MariaDB keeps REAL as double, H2 as float) and node ids kept. */
    static List<List<Object>> normalised(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(value -> value instanceof Double || value instanceof Float
                ? (Object) ((Number) value).floatValue() : value instanceof Number number ? (Object) number.longValue() : value).toList()).toList();
    }
}
