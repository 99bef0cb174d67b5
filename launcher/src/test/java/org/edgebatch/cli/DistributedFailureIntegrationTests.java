package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distributed mode when things break, on the real RabbitMQ and MariaDB with separate worker and manager processes: a
 * worker killed mid-video, the manager killed mid-run, the broker restarted mid-run. Each ends with the detections of
 * an uninterrupted run, no duplicate rows, and no committed chunk inferred again.
 */
@ExtendWith(KeepersGone.class)
class DistributedFailureIntegrationTests {

    private static final String FRAMES_OF_VIDEO = "SELECT COUNT(*) FROM EB_FRAME F JOIN EB_VIDEO V ON V.JOB_INSTANCE_ID = F.JOB_INSTANCE_ID"
            + " AND V.VIDEO_ID = F.VIDEO_ID WHERE V.PATH = ?";

    @TempDir
    Path dir;

    DistributedCluster cluster;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aWorkerKilledMidVideoFailsTheJobNamingTheNodeAndARestartCompletesItWithoutRedoingCommittedChunks() throws Exception {
        // given: node-b holds a long video, node-a a short one
        TwoNodes nodes = twoNodesWithALongVideoOnB("killed", 90);
        Path folderA = nodes.folderA();
        Path folderB = nodes.folderB();
        Path longVideo = nodes.longVideo();
        Path spec = nodes.spec();

        // when: node-b's worker is killed once it has committed a few chunks
        CliProcess.Started run = startRunUntilNodeBCommitted24Frames(nodes);
        cluster.worker("node-b").process().destroyForcibly();
        long killed = System.nanoTime();
        CliProcess.Finished failed = run.await(Duration.ofMinutes(2));
        Duration toFail = Duration.ofNanos(System.nanoTime() - killed);

        // then: the job failed within the node timeout plus 10 s, naming the node
        assertThat(failed.exitCode()).as(failed + cluster.logs()).isEqualTo(1);
        assertThat(toFail).as("time from the kill to the job's end").isLessThan(DistributedCluster.NODE_TIMEOUT.plusSeconds(10));
        JsonNode outcome = JsonMapper.shared().readTree(failed.out());
        assertThat(outcome.get("failure").asString()).startsWith("node node-b lost: no heart-beat for");
        long execution = outcome.get("jobExecutionId").asLong();
        List<Object> killedPartition = cluster.rows("SELECT STEP_EXECUTION_ID, STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " AND STEP_NAME = 'detectWorker:node-b-v1'", execution).getFirst();
        assertThat(killedPartition.get(1)).isEqualTo("FAILED");
        long killedId = ((Number) killedPartition.get(0)).longValue();
        long lastCommitted = lastFrameIndex(execution, "node-b-v1");
        assertThat(lastCommitted).isGreaterThanOrEqualTo(23);

        // when: the worker is back, the execution is restarted in a new manager
        cluster.startWorker("node-b", folderB);
        cluster.awaitNodes(Duration.ofMinutes(3), "node-b");
        CliProcess.Finished restarted = cluster.startCommand("restart", Long.toString(execution), "--json").await(Duration.ofMinutes(5));

        // then: completed; every frame once; the frames committed before the kill still carry the killed partition's rows
        assertThat(restarted.exitCode()).as(restarted + cluster.logs()).isZero();
        long instance = cluster.count("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", execution);
        assertThat(cluster.count(FRAMES_OF_VIDEO, longVideo.toString())).isEqualTo(900);
        assertThat(cluster.count("SELECT COUNT(*) FROM EB_FRAME F JOIN EB_VIDEO V ON V.JOB_INSTANCE_ID = F.JOB_INSTANCE_ID"
                + " AND V.VIDEO_ID = F.VIDEO_ID WHERE V.PATH = ? AND F.FRAME_INDEX <= ? AND F.STEP_EXECUTION_ID <> ?",
                longVideo.toString(), lastCommitted, killedId)).as("committed frames inferred again").isZero();
        assertThat(detections(instance)).isEqualTo(reference(spec, folderA, folderB));
    }

    @Test
    void aWorkerAskedToStopEndsItsPartitionAfterTheCurrentChunkLeavesTheRegistryAndARestartCompletesTheJob() throws Exception {
        // given
        TwoNodes nodes = twoNodesWithALongVideoOnB("sigterm", 60);
        Path folderA = nodes.folderA();
        Path folderB = nodes.folderB();
        Path longVideo = nodes.longVideo();
        Path spec = nodes.spec();

        // when: node-b's worker gets SIGTERM (what Ctrl-C and service managers send) mid-video
        CliProcess.Started run = startRunUntilNodeBCommitted24Frames(nodes);
        Process worker = cluster.worker("node-b").process();
        worker.destroy();
        assertThat(worker.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("the worker ended").isTrue();
        CliProcess.Finished stopped = run.await(Duration.ofMinutes(2));

        // then: its partition STOPPED (not failed), the node LEFT, the job not completed
        long execution = JsonMapper.shared().readTree(stopped.out()).get("jobExecutionId").asLong();
        assertThat(stopped.exitCode()).as(stopped + cluster.logs()).isEqualTo(1);
        assertThat(cluster.rows("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = 'detectWorker:node-b-v1'",
                execution)).containsExactly(List.of("STOPPED"));
        assertThat(cluster.rows("SELECT STATE FROM EB_NODE WHERE NODE_ID = 'node-b'")).containsExactly(List.of("LEFT"));
        assertThat(Files.readString(cluster.worker("node-b").out())).contains("Worker node-b: stopping after the current chunk");

        // when: the worker is back, the execution is restarted
        cluster.startWorker("node-b", folderB);
        cluster.awaitNodes(Duration.ofMinutes(3), "node-b");
        CliProcess.Finished restarted = cluster.startCommand("restart", Long.toString(execution), "--json").await(Duration.ofMinutes(5));

        // then
        assertThat(restarted.exitCode()).as(restarted + cluster.logs()).isZero();
        assertThat(cluster.count(FRAMES_OF_VIDEO, longVideo.toString())).isEqualTo(600);
    }

    @Test
    void afterTheManagerIsKilledTheWorkersFinishTheirPartitionsAndARestartRunsOnlyWhatIsLeft() throws Exception {
        // given: two videos on each node, long enough to kill the manager while they run
        Path folderA = Files.createDirectories(dir.resolve("a")).toRealPath();
        Path folderB = Files.createDirectories(dir.resolve("b")).toRealPath();
        TestData.walking(folderA.resolve("a1.mp4"), 320, 180, 10, 30, 2, 25);
        TestData.walking(folderA.resolve("a2.mp4"), 320, 180, 10, 20, 2, 15);
        TestData.walking(folderB.resolve("b1.mp4"), 320, 180, 10, 30, 2, 25);
        TestData.walking(folderB.resolve("b2.mp4"), 320, 180, 10, 20, 2, 15);
        cluster = DistributedCluster.create(dir.resolve("home"));
        cluster.startWorker("node-a", folderA);
        cluster.startWorker("node-b", folderB);
        cluster.awaitNodes(Duration.ofMinutes(3), "node-a", "node-b");
        Path spec = TestData.spec(dir, "orphans", DistributedLocalityIntegrationTests.spec("orphans", "all",
                "input: {paths: [%s, %s], partitionFiles: 1}".formatted(folderA, folderB)));

        // when: the manager is killed while partitions run, and the workers are left to finish what they took
        CliProcess.Started run = cluster.startRun(spec, "--json");
        cluster.await("a detect partition running with a committed chunk", Duration.ofMinutes(3), () -> {
            assertThat(run.process().isAlive()).as("the run ended before the manager could be killed: %s", cluster.logs()).isTrue();
            return cluster.count("SELECT COUNT(*) FROM EB_FRAME") >= 16
                    && cluster.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STATUS = 'STARTED' AND STEP_NAME LIKE 'detectWorker:%'") > 0;
        });
        run.process().destroyForcibly().waitFor();
        long execution = cluster.count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        cluster.await("no partition left running on the workers", Duration.ofMinutes(3), () ->
                cluster.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STATUS = 'STARTED'"
                        + " AND STEP_NAME LIKE 'detectWorker:%'", execution) == 0);
        Set<String> completedBefore = cluster.rows("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " AND STATUS = 'COMPLETED' AND STEP_NAME LIKE 'detectWorker:%'", execution).stream()
                .map(row -> (String) row.getFirst()).collect(Collectors.toSet());
        assertThat(completedBefore).as("partitions the workers finished without their manager").isNotEmpty();
        CliProcess.Finished restarted = cluster.startCommand("restart", Long.toString(execution), "--json").await(Duration.ofMinutes(5));

        // then: completed; no partition completed before ran again
        assertThat(restarted.exitCode()).as(restarted + cluster.logs()).isZero();
        long restart = JsonMapper.shared().readTree(restarted.out()).get("jobExecutionId").asLong();
        Set<String> ranInRestart = cluster.rows("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " AND STEP_NAME LIKE 'detectWorker:%'", restart).stream().map(row -> (String) row.getFirst()).collect(Collectors.toSet());
        assertThat(ranInRestart).doesNotContainAnyElementsOf(completedBefore);
        long instance = cluster.count("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", execution);
        assertThat(cluster.count("SELECT COUNT(*) FROM EB_FRAME WHERE JOB_INSTANCE_ID = ?", instance)).isEqualTo(1000);
        assertThat(detections(instance)).isEqualTo(reference(spec, folderA, folderB));
    }

    @Test
    void aBrokerRestartMidRunLosesAndDuplicatesNothing() throws Exception {
        // given
        Path folderA = Files.createDirectories(dir.resolve("a")).toRealPath();
        Path folderB = Files.createDirectories(dir.resolve("b")).toRealPath();
        TestData.walking(folderA.resolve("a1.mp4"), 320, 180, 10, 30, 2, 25);
        TestData.walking(folderB.resolve("b1.mp4"), 320, 180, 10, 30, 2, 25);
        TestData.walking(folderB.resolve("b2.mp4"), 320, 180, 10, 10, 2, 8);
        cluster = DistributedCluster.create(dir.resolve("home"));
        // This bench reaches its repository through MySQL Connector/J (the others through MariaDB's driver).
        cluster.useLogin("jdbc:mysql://127.0.0.1:3306/" + cluster.databaseName() + "?user=root", DistributedCluster.BROKER, Map.of());
        cluster.startWorker("node-a", folderA);
        cluster.startWorker("node-b", folderB);
        cluster.awaitNodes(Duration.ofMinutes(3), "node-a", "node-b");
        Path spec = TestData.spec(dir, "bounce", DistributedLocalityIntegrationTests.spec("bounce", "all",
                "input: {paths: [%s, %s], partitionFiles: 1}".formatted(folderA, folderB)));

        // when: the broker is stopped while partitions run, then started again
        CliProcess.Started run = cluster.startRun(spec, "--json");
        cluster.await("a chunk committed", Duration.ofMinutes(3), () -> cluster.count("SELECT COUNT(*) FROM EB_FRAME") >= 16);
        Broker.stopApp();
        try {
            cluster.await("the broker's port closed", Duration.ofMinutes(1), () -> !Broker.listening());
            long before = cluster.count("SELECT COUNT(*) FROM EB_FRAME");
            cluster.await("work going on without the broker", Duration.ofMinutes(1),
                    () -> cluster.count("SELECT COUNT(*) FROM EB_FRAME") > before);
        } finally {
            Broker.startApp();
        }
        cluster.await("the broker back", Duration.ofMinutes(2), Broker::listening);
        CliProcess.Finished ended = run.await(Duration.ofMinutes(5));
        long execution = JsonMapper.shared().readTree(ended.out()).get("jobExecutionId").asLong();
        if (ended.exitCode() != 0) {
            // Failing cleanly is allowed; then a restart completes it.
            CliProcess.Finished restarted = cluster.startCommand("restart", Long.toString(execution), "--json").await(Duration.ofMinutes(5));
            assertThat(restarted.exitCode()).as(ended + "\n" + restarted + cluster.logs()).isZero();
        }

        // then
        long instance = cluster.count("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", execution);
        assertThat(cluster.count("SELECT COUNT(*) FROM EB_FRAME WHERE JOB_INSTANCE_ID = ?", instance)).isEqualTo(700);
        assertThat(detections(instance)).isEqualTo(reference(spec, folderA, folderB));
    }

    /** The index of the last frame a partition committed, as {@code status --json} reports it. */
    private long lastFrameIndex(long execution, String partition) throws Exception {
        CliProcess.Finished status = cluster.startCommand("status", Long.toString(execution), "--json").await(Duration.ofMinutes(1));
        assertThat(status.exitCode()).as(status.toString()).isZero();
        for (JsonNode node : JsonMapper.shared().readTree(status.out()).get("partitions")) {
            if (node.get("step").asString().equals("detectWorker") && node.get("partition").asString().equals(partition)) {
                return node.get("lastFrameIndex").asLong();
            }
        }
        throw new AssertionError("no partition " + partition + " in " + status.out());
    }

    private List<List<Object>> detections(long instance) {
        return DistributedLocalityIntegrationTests.normalised(cluster.rows(DistributedLocalityIntegrationTests.DETECTIONS, instance));
    }

    /** The detections of an uninterrupted embedded run over the same folders, as logical nodes of the same names. */
    private List<List<Object>> reference(Path distributedSpec, Path folderA, Path folderB) throws Exception {
        String yaml = Files.readString(distributedSpec).replaceFirst("(?m)^name: .*$", "name: reference")
                + "nodes:\n  - {id: node-a, paths: [%s]}\n  - {id: node-b, paths: [%s]}\n".formatted(folderA, folderB);
        Path spec = TestData.spec(dir, "reference", yaml);
        Path h2 = Files.createDirectories(dir.resolve("reference-db"));
        CliProcess.Finished run = CliProcess.run(cluster.home(), Duration.ofMinutes(10), "run", spec.toString(), "--db", h2.toString(),
                "--json", "--progress", "none");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        RepositoryQueries rows = RepositoryQueries.inFolder(h2);
        long instance = ((Number) rows.rows("SELECT MAX(JOB_INSTANCE_ID) FROM EB_VIDEO").getFirst().getFirst()).longValue();
        return DistributedLocalityIntegrationTests.normalised(rows.rows(DistributedLocalityIntegrationTests.DETECTIONS, instance));
    }

    /** node-a's folder with a 3 s clip, node-b's with a long one; both workers registered; a spec over both folders. */
    private record TwoNodes(Path folderA, Path folderB, Path longVideo, Path spec) {
    }

    private TwoNodes twoNodesWithALongVideoOnB(String job, int longSeconds) throws Exception {
        Path folderA = Files.createDirectories(dir.resolve("a")).toRealPath();
        Path folderB = Files.createDirectories(dir.resolve("b")).toRealPath();
        TestData.walking(folderA.resolve("short.mp4"), 320, 180, 10, 3, 0.5, 2.5);
        Path longVideo = TestData.walking(folderB.resolve("long.mp4"), 320, 180, 10, longSeconds, 5, longSeconds - 10)
                .toRealPath();
        cluster = DistributedCluster.create(dir.resolve("home"));
        cluster.startWorker("node-a", folderA);
        cluster.startWorker("node-b", folderB);
        cluster.awaitNodes(Duration.ofMinutes(3), "node-a", "node-b");
        Path spec = TestData.spec(dir, job, DistributedLocalityIntegrationTests.spec(job, "all",
                "input: {paths: [%s, %s], partitionFiles: 1}".formatted(folderA, folderB)));
        return new TwoNodes(folderA, folderB, longVideo, spec);
    }

    /** Starts the run and returns once node-b has committed a few chunks of the long video, the run still going. */
    private CliProcess.Started startRunUntilNodeBCommitted24Frames(TwoNodes nodes) throws Exception {
        CliProcess.Started run = cluster.startRun(nodes.spec(), "--json");
        cluster.await("node-b committed 24 frames", Duration.ofMinutes(3), () -> {
            assertThat(run.process().isAlive()).as("the run ended before node-b committed 24 frames: %s", cluster.logs()).isTrue();
            return cluster.count(FRAMES_OF_VIDEO, nodes.longVideo().toString()) >= 24;
        });
        return run;
    }
}
