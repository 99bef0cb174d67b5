package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code run --every}: each run reads only the files that are new or changed since the last. */
@ExtendWith(KeepersGone.class)
class ScheduleIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void theSecondScheduledRunProcessesOnlyTheFileAddedAfterTheFirst() throws Exception {
        // given: one clip to start with, another made ready elsewhere
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestData.walking(videos.resolve("a.mp4"), 320, 180, 10, 1, 0.2, 0.8);
        Path later = TestData.walking(dir.resolve("later/b.mp4"), 320, 180, 10, 1, 0.2, 0.8);
        Path spec = TestData.spec(dir, "nightly", """
                name: nightly
                input: {paths: [videos]}
                model: {path: %s}
                threads: 2
                output: out
                publish: {target: none}
                """.formatted(SharedData.fastModel()));
        Path db = Files.createDirectories(dir.resolve("db"));
        RepositoryQueries repository = RepositoryQueries.inFolder(db);

        // when: runs every 2 s, twice; the new file arrives once the first run has taken its inventory
        CompletableFuture<Cli.Result> scheduled = CompletableFuture.supplyAsync(() -> Cli.run("run", spec.toString(), "--db",
                db.toString(), "--every", "*/2 * * * * *", "--max-runs", "2", "--json", "--progress", "none"));
        while (repository.countIfReady("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'inventory'"
                + " AND STATUS = 'COMPLETED'") < 1) {
            assertThat(scheduled).as("the first run ended before its inventory was seen").isNotDone();
            Thread.sleep(20);
        }
        Files.move(later, videos.resolve("b.mp4"));
        Cli.Result result = scheduled.get(3, TimeUnit.MINUTES);

        // then: one JSON line per run, the first over a.mp4, the second over b.mp4 only
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<JsonNode> runs = result.out().lines().map(JsonMapper.shared()::readTree).toList();
        assertThat(runs).hasSize(2).allSatisfy(run -> assertThat(run.get("status").asString()).isEqualTo("COMPLETED"));
        assertThat(runs).extracting(run -> run.get("report").get("totals").get("files").asLong()).containsExactly(1L, 1L);
        assertThat(videosOf(runs.get(0), db)).containsExactly(videos.resolve("a.mp4").toRealPath().toString());
        assertThat(videosOf(runs.get(1), db)).containsExactly(videos.resolve("b.mp4").toRealPath().toString());
    }

    private static List<String> videosOf(JsonNode run, Path db) {
        Cli.Result status = Cli.run("status", run.get("jobExecutionId").asString(), "--db", db.toString(), "--json");
        return JsonMapper.shared().readTree(status.out()).get("partitions").valueStream()
                .filter(p -> p.get("step").asString().equals("detectWorker")).map(p -> p.get("video").asString()).toList();
    }
}
