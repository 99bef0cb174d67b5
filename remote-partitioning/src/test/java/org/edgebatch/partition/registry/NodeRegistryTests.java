package org.edgebatch.partition.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgebatch.job.PartitionClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class NodeRegistryTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final WorkerRegistration FIRST = new WorkerRegistration("node-a", "worker-1", "edge-1", 111, "0.1.0",
            Map.of("site", "lobby"), List.of(Path.of("/srv/cams")), 4, 2);
    private static final WorkerRegistration SECOND = new WorkerRegistration("node-a", "worker-2", "edge-2", 222, "0.1.0",
            Map.of("site", "lobby"), List.of(Path.of("/srv/cams"), Path.of("/mnt/usb")), 8, 1);

    private final TestRepository repository = new TestRepository();
    private final NodeRegistry registry = repository.registry;

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void aWorkerRegistersItsNode() {
        // given
        long now = registry.now();

        // when
        registry.register(FIRST, TIMEOUT);

        // then
        NodeRecord node = registry.node("node-a").orElseThrow();
        assertThat(node).isEqualTo(new NodeRecord("node-a", "worker-1", "edge-1", 111, "0.1.0", Map.of("site", "lobby"),
                List.of(Path.of("/srv/cams")), 4, 2, NodeRecord.ALIVE, now, now, null, 0, 0));
        assertThat(registry.nodes()).containsExactly(node);
        assertThat(node.liveness(registry.now(), TIMEOUT)).isEqualTo("alive");
        assertThat(registry.node("node-b")).isEmpty();
    }

    @Test
    void aSecondWorkerIsRefusedTheNodeWhileTheFirstIsAlive() {
        // given
        registry.register(FIRST, TIMEOUT);
        repository.clock.advance(Duration.ofSeconds(12));

        // when / then
        assertThatThrownBy(() -> registry.register(SECOND, TIMEOUT))
                .isInstanceOf(NodeTakenException.class)
                .hasMessageContaining("node id node-a is held by a live worker on host edge-1 (pid 111, last heart-beat 12 s ago)");
        assertThat(registry.node("node-a").orElseThrow().workerId()).isEqualTo("worker-1");
        assertThat(registry.beat("node-a", "worker-1")).isTrue();
    }

    @Test
    void aWorkerMayRegisterItsNodeAgain() {
        // given
        registry.register(FIRST, TIMEOUT);
        repository.clock.advance(Duration.ofSeconds(5));

        // when
        registry.register(FIRST, TIMEOUT);

        // then
        NodeRecord node = registry.node("node-a").orElseThrow();
        assertThat(node.workerId()).isEqualTo("worker-1");
        assertThat(node.started()).isEqualTo(registry.now());
    }

    @Test
    void afterTheFirstWorkerDeregistersTheSecondTakesOver() {
        // given
        registry.register(FIRST, TIMEOUT);
        registry.deregister("node-a", "worker-1");
        assertThat(registry.node("node-a").orElseThrow().liveness(registry.now(), TIMEOUT)).isEqualTo("left");

        // when
        registry.register(SECOND, TIMEOUT);

        // then
        NodeRecord node = registry.node("node-a").orElseThrow();
        assertThat(node).extracting(NodeRecord::workerId, NodeRecord::host, NodeRecord::pid, NodeRecord::state, NodeRecord::allowList)
                .containsExactly("worker-2", "edge-2", 222L, NodeRecord.ALIVE, List.of(Path.of("/srv/cams"), Path.of("/mnt/usb")));
        assertThat(registry.beat("node-a", "worker-1")).isFalse();
        assertThat(registry.beat("node-a", "worker-2")).isTrue();
    }

    @Test
    void afterTheFirstWorkerIsSilentLongerThanTheTimeoutTheSecondTakesOver() {
        // given: the first worker's last beat exactly a timeout ago still holds the node
        registry.register(FIRST, TIMEOUT);
        repository.clock.advance(TIMEOUT);
        assertThatThrownBy(() -> registry.register(SECOND, TIMEOUT)).isInstanceOf(NodeTakenException.class);

        // when: a moment longer
        repository.clock.advance(Duration.ofMillis(1));
        registry.register(SECOND, TIMEOUT);

        // then
        assertThat(registry.node("node-a").orElseThrow().workerId()).isEqualTo("worker-2");
        assertThat(registry.beat("node-a", "worker-1")).isFalse();
        assertThat(registry.beat("node-a", "worker-2")).isTrue();
    }

    @Test
    void aBeatKeepsTheNodeAlive() {
        // given
        registry.register(FIRST, TIMEOUT);
        long registered = registry.now();
        repository.clock.advance(Duration.ofSeconds(20));

        // when
        boolean held = registry.beat("node-a", "worker-1");
        repository.clock.advance(Duration.ofSeconds(20));

        // then: 40 s after registering, 20 s after the beat
        assertThat(held).isTrue();
        NodeRecord node = registry.node("node-a").orElseThrow();
        assertThat(node.started()).isEqualTo(registered);
        assertThat(node.lastSeen()).isEqualTo(registered + 20_000);
        assertThat(node.alive(registry.now(), TIMEOUT)).isTrue();
        assertThatThrownBy(() -> registry.register(SECOND, TIMEOUT)).isInstanceOf(NodeTakenException.class);
    }

    @Test
    void publishingAnInventoryReplacesTheNodesFiles() {
        // given
        registry.register(FIRST, TIMEOUT);
        NodeFile door = video("/srv/cams/door.mp4", 1_000);
        NodeFile broken = new NodeFile("node-a", Path.of("/srv/cams/broken.mp4"), 500, Instant.ofEpochMilli(1_700_000_000_000L),
                0, 0, 0, 0, 0, "moov atom not found ".repeat(100));
        NodeFile yard = video("/srv/cams/yard.mkv", 3_000);

        // when
        boolean first = registry.publishInventory("node-a", "worker-1", List.of(door, broken));
        List<NodeFile> firstFiles = registry.files("node-a");
        long firstAt = registry.now();
        repository.clock.advance(Duration.ofSeconds(5));
        boolean second = registry.publishInventory("node-a", "worker-1", List.of(yard));

        // then
        assertThat(first).isTrue();
        assertThat(firstFiles).hasSize(2);
        assertThat(firstFiles.get(0)).isEqualTo(new NodeFile(broken.nodeId(), broken.path(), broken.sizeBytes(), broken.lastModified(),
                0, 0, 0, 0, 0, broken.probeError().substring(0, 1000)));
        assertThat(firstFiles.get(1)).isEqualTo(door);
        assertThat(second).isTrue();
        assertThat(registry.files("node-a")).containsExactly(yard);
        NodeRecord node = registry.node("node-a").orElseThrow();
        assertThat(node.files()).isEqualTo(1);
        assertThat(node.bytes()).isEqualTo(3_000);
        assertThat(node.inventoryAt()).isEqualTo(firstAt + 5_000);
        assertThat(registry.publishInventory("node-a", "worker-1", List.of())).isTrue();
        assertThat(registry.files("node-a")).isEmpty();
    }

    @Test
    void aWorkerThatLostItsNodeCannotPublish() {
        // given: the first worker went silent and the second took the node over and published
        registry.register(FIRST, TIMEOUT);
        registry.publishInventory("node-a", "worker-1", List.of(video("/srv/cams/door.mp4", 1_000)));
        repository.clock.advance(TIMEOUT.plusSeconds(1));
        registry.register(SECOND, TIMEOUT);
        registry.publishInventory("node-a", "worker-2", List.of(video("/mnt/usb/yard.mp4", 2_000)));

        // when
        boolean published = registry.publishInventory("node-a", "worker-1", List.of(video("/srv/cams/lobby.mp4", 4_000)));

        // then
        assertThat(published).isFalse();
        assertThat(registry.files("node-a")).extracting(NodeFile::path).containsExactly(Path.of("/mnt/usb/yard.mp4"));
        assertThat(registry.node("node-a").orElseThrow().bytes()).isEqualTo(2_000);
        assertThat(registry.publishInventory("node-z", "worker-1", List.of())).isFalse();
    }

    @Test
    void runningPartitionsCountsTheClaimedPartitionsStillRunningByNode() throws Exception {
        // given: partitions claimed on three nodes, one failed, one stopping, one completed, and one not claimed
        JobRepository jobs = repository.jobRepository();
        JobExecution execution = jobs.createJobExecution(jobs.createJobInstance("lobby", new JobParameters()), new JobParameters(),
                new ExecutionContext());
        PartitionClaims claims = new PartitionClaims(repository.jdbc, repository.transactionManager);
        StepExecution a1 = jobs.createStepExecution("detectWorker:node-a-v0", execution);
        StepExecution a2 = jobs.createStepExecution("detectWorker:node-a-v1", execution);
        StepExecution b = jobs.createStepExecution("detectWorker:node-b-v2", execution);
        StepExecution c = jobs.createStepExecution("detectWorker:node-c-v3", execution);
        jobs.createStepExecution("detectWorker:node-c-v4", execution);
        claims.claim(a1, new PartitionClaims.Worker("node-a", "worker-1", "edge-1", 111));
        claims.claim(a2, new PartitionClaims.Worker("node-a", "worker-1", "edge-1", 111));
        claims.claim(b, new PartitionClaims.Worker("node-b", "worker-3", "edge-3", 333));
        claims.claim(c, new PartitionClaims.Worker("node-c", "worker-4", "edge-4", 444));
        claims.fail(a2.getId(), Set.of(BatchStatus.STARTED), "worker lost");
        repository.jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STOPPING' WHERE STEP_EXECUTION_ID = ?", b.getId());
        repository.jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'COMPLETED' WHERE STEP_EXECUTION_ID = ?", c.getId());

        // when
        Map<String, Integer> running = registry.runningPartitions();

        // then
        assertThat(running).containsExactly(entry("node-a", 1), entry("node-b", 1));
    }

    private static NodeFile video(String path, long size) {
        return new NodeFile("node-a", Path.of(path), size, Instant.ofEpochMilli(1_700_000_000_000L), 250, 25.0, 10_000_000, 640, 360, null);
    }
}
