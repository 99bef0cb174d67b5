package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgebatch.publish.Sha256;
import org.edgebatch.testsupport.S3TestServer;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing to a real S3-compatible server (S3Proxy on 127.0.0.1, objects in a folder) through the packaged
 * command line, credentials in the environment as the SDK's default chain reads them: an outage leaves the events
 * pending and {@code edgebatch publish} sends them once; a publisher killed between two uploads leaves nothing
 * duplicated once the outbox is drained; a missing bucket or missing credentials start nothing.
 */
@ExtendWith(KeepersGone.class)
class S3PublishIntegrationTests {

    private static final String BUCKET = "events";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path dir;

    static S3TestServer server;
    static Path videos;

    @BeforeAll
    static void startServerAndFootage() throws Exception {
        server = S3TestServer.start(dir.resolve("store"));
        server.createBucket(BUCKET);
        videos = dir.resolve("videos");
        TestData.walking(videos.resolve("walk.mp4"), 320, 180, 10, 2, 0.3, 1.7);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void eventsOfARunDuringAnOutageWaitAndAreSentOnceByPublish() throws Exception {
        // given: the store is down when the run starts
        Path home = Files.createDirectories(dir.resolve("outage"));
        Path spec = spec(home, "outage", "s3://" + BUCKET + "/edge", BUCKET);
        server.stop();

        // when
        CliProcess.Finished run = cli(home, "run", spec.toString(), "--db", db(home), "--json", "--progress", "none");

        // then: the run completes, its events wait in the outbox and the report and status say so
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode outcome = JsonMapper.shared().readTree(run.out());
        long events = outcome.get("report").get("totals").get("events").asLong();
        assertThat(events).as(run.toString()).isPositive();
        assertThat(outcome.get("report").get("totals").get("pendingUploads").asLong()).isEqualTo(events);
        assertThat(outcome.get("report").get("totals").get("bytesUploaded").asLong()).isZero();
        JsonNode report = JsonMapper.shared().readTree(Files.readString(Path.of(outcome.get("reportFile").asString())));
        assertThat(report.get("nodes").get(0).get("pendingUploads").asLong()).isEqualTo(events);
        long execution = outcome.get("jobExecutionId").asLong();
        assertThat(pending(home)).isEqualTo(events);

        // when: the store is back and the outbox is drained
        server.start();
        CliProcess.Finished publish = cli(home, "publish", "--job", "outage", "--db", db(home));

        // then: every event's files are in the bucket once, under the documented keys, with the node's bytes
        assertThat(publish.exitCode()).as(publish.toString()).isZero();
        assertThat(publish.out()).contains("Sent " + events + " event(s)");
        assertThat(pending(home)).isZero();
        List<Path> nodeFiles = eventFiles(home);
        assertBucketHoldsExactly("edge/outage/local/", nodeFiles, execution);
        CliProcess.Finished after = cli(home, "status", Long.toString(execution), "--db", db(home), "--json");
        JsonNode node = JsonMapper.shared().readTree(after.out()).get("nodes").get(0);
        assertThat(node.get("pendingUploads").asLong()).as(after.toString()).isZero();
        assertThat(node.get("events").asLong()).isEqualTo(events);
        assertThat(node.get("bytesUploaded").asLong()).isEqualTo(sizes(nodeFiles));
        assertThat(node.get("bytesScanned").asLong()).isEqualTo(Files.size(videos.resolve("walk.mp4")));

        // and: get rebuilds the node's folder from the bucket, named by its manifest's SHA-256, every file verified
        CliProcess.Finished get = cli(home, "get", Long.toString(execution), "--output", home.resolve("fetched").toString(), "--db", db(home));
        assertThat(get.exitCode()).as(get.toString()).isZero();
        String address = Sha256.of(dir.resolve("store").resolve(BUCKET).resolve("edge/outage/local/manifests/" + execution + "/manifest.json"));
        assertThat(get.out()).contains("local  sha256:" + address).contains(nodeFiles.size() + " file(s) verified");
        for (Path file : nodeFiles) {
            try (var fetched = Files.walk(home.resolve("fetched").resolve(address))) {
                Path copy = fetched.filter(f -> f.getFileName().equals(file.getFileName())).findFirst().orElseThrow();
                assertThat(Sha256.of(copy)).isEqualTo(Sha256.of(file));
            }
        }
    }

    @Test
    void aPublisherKilledBetweenTwoUploadsLeavesNoDuplicateOnceTheOutboxIsDrained() throws Exception {
        // given: the store takes one object, then holds every later upload
        Path home = Files.createDirectories(dir.resolve("crash"));
        Path spec = spec(home, "crash", "s3://" + BUCKET + "/crash", BUCKET);
        server.holdPutsAfter(1);
        int before = server.keys(BUCKET).size();

        // when: the run is killed once the first object is stored
        CliProcess.Started run = CliProcess.start(home, launch(home), "run", spec.toString(), "--db", db(home), "--progress", "none");
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (server.keys(BUCKET).size() == before) {
            if (!run.process().isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("no object was stored before the run ended or within " + TIMEOUT + "\n" + run.stderr());
            }
            Thread.sleep(100);
        }
        run.process().destroyForcibly().waitFor();
        server.release();
        long execution = (Long) RepositoryQueries.inFolder(Path.of(db(home)))
                .rows("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION").getFirst().getFirst();
        assertThat(pending(home)).as("events left unsent by the killed run").isPositive();

        // when: the outbox is drained
        CliProcess.Finished publish = cli(home, "publish", "--job", "crash", "--db", db(home));

        // then: each file once, with the node's bytes, as an uncrashed run leaves them
        assertThat(publish.exitCode()).as(publish.toString()).isZero();
        assertThat(pending(home)).isZero();
        assertBucketHoldsExactly("crash/crash/local/", eventFiles(home), execution);
    }

    @Test
    void aMissingBucketOrMissingCredentialsStartNothing() throws Exception {
        Path home = Files.createDirectories(dir.resolve("refused"));
        Path noBucket = spec(home, "nobucket", "s3://no-such-bucket/x", "no-such-bucket");

        CliProcess.Finished missingBucket = cli(home, "run", noBucket.toString(), "--db", db(home), "--progress", "none");
        CliProcess.Finished noCredentials = CliProcess.start(home, anonymous(home), "run", spec(home, "nocreds", "s3://" + BUCKET + "/n", BUCKET).toString(),
                "--db", db(home), "--progress", "none").await(TIMEOUT);

        assertThat(missingBucket.exitCode()).as(missingBucket.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(missingBucket.err()).contains("the bucket 'no-such-bucket' does not exist at " + server.endpoint());
        assertThat(noCredentials.exitCode()).as(noCredentials.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(noCredentials.err()).contains("no S3 credentials found").contains("AWS_ACCESS_KEY_ID");
        assertThat(missingBucket.err() + missingBucket.out()).doesNotContain(S3TestServer.SECRET_KEY);
        assertThat(RepositoryQueries.inFolder(Path.of(db(home))).count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
    }

    private static void assertBucketHoldsExactly(String nodePrefix, List<Path> nodeFiles, long execution)
            throws IOException {
        List<String> keys = server.keys(BUCKET).stream().filter(key -> key.startsWith(nodePrefix)).toList();
        assertThat(keys).as("one object per event file, and the manifest").hasSize(nodeFiles.size() + 1)
                .contains(nodePrefix + "manifests/" + execution + "/manifest.json");
        for (Path file : nodeFiles) {
            List<String> matching = keys.stream().filter(key -> key.endsWith("/" + file.getFileName())).toList();
            assertThat(matching).as(file.toString()).hasSize(1);
            assertThat(matching.getFirst()).matches(java.util.regex.Pattern.quote(nodePrefix)
                    + "\\d{4}/\\d{2}/\\d{2}/i\\d+-[^/]+/" + java.util.regex.Pattern.quote(file.getFileName().toString()));
            assertThat(Sha256.of(dir.resolve("store").resolve(BUCKET).resolve(matching.getFirst())))
                    .as(matching.getFirst()).isEqualTo(Sha256.of(file));
        }
    }

    /** The snapshot, clip and JSON files of every event of the repository, on the node. */
    private static List<Path> eventFiles(Path home) {
        List<Path> files = new ArrayList<>();
        for (List<Object> row : RepositoryQueries.inFolder(Path.of(db(home)))
                .rows("SELECT SNAPSHOT_PATH, CLIP_PATH, EVENT_JSON_PATH FROM EB_EVENT")) {
            row.stream().filter(java.util.Objects::nonNull).forEach(path -> files.add(Path.of(path.toString())));
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private static long sizes(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    private static long pending(Path home) {
        return RepositoryQueries.inFolder(Path.of(db(home))).count("SELECT COUNT(*) FROM EB_OUTBOX WHERE STATUS = 'PENDING'");
    }

    private static Path spec(Path home, String name, String target, String bucket) {
        return TestData.spec(home, name, """
                name: %s
                input: {paths: [%s]}
                model: {path: %s}
                chunkSize: 8
                threads: 2
                output: %s
                publish: {target: "%s", endpoint: "%s", region: us-east-1, pathStyle: true}
                """.formatted(name, videos, SharedData.fastModel(), home.resolve("out"), target, server.endpoint()));
    }

    private static String db(Path home) {
        try {
            return Files.createDirectories(home.resolve("db")).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Credentials as the SDK's default chain finds them in the environment; no profile file, no instance role. */
    private static CliProcess.Launch launch(Path home) {
        return anonymous(home).withEnvironment("AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY)
                .withEnvironment("AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY);
    }

    private static CliProcess.Launch anonymous(Path home) {
        return new CliProcess.Launch(List.of(), List.of(), Map.of("AWS_EC2_METADATA_DISABLED", "true",
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-aws-credentials").toString(),
                "AWS_CONFIG_FILE", home.resolve("no-aws-config").toString()));
    }

    private static CliProcess.Finished cli(Path home, String... args) throws IOException, InterruptedException {
        return CliProcess.start(home, launch(home), args).await(TIMEOUT);
    }
}
