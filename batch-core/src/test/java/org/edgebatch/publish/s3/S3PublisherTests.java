package org.edgebatch.publish.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.edgebatch.publish.Manifest;
import org.edgebatch.publish.OutboxEntry;
import org.edgebatch.publish.OutboxStatus;
import org.edgebatch.publish.PublishException;
import org.edgebatch.publish.RedactedCopies;
import org.edgebatch.publish.RetryablePublishException;
import org.edgebatch.publish.Sha256;
import org.edgebatch.testsupport.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

class S3PublisherTests {

    private static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY));

    @TempDir
    static Path store;

    static S3TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start(store);
        server.createBucket("events");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void publishesEveryFileUnderTheDocumentedKeysWithTheirChecksumsOnceAndWritesTheManifest(@TempDir Path node) throws IOException {
        // given: an event with a snapshot, its JSON and a clip large enough for a multipart upload
        Path jpg = Files.write(node.resolve("v0-person-000010.jpg"), bytes(70_000, 1));
        Path json = Files.writeString(node.resolve("v0-person-000010.json"), "{\"label\":\"person\"}");
        Path clip = Files.write(node.resolve("v0-person-000010.mp4"), bytes(9 * 1024 * 1024 + 123, 2));
        long created = Instant.parse("2026-12-05T23:59:00Z").toEpochMilli();
        OutboxEntry entry = new OutboxEntry(7, "lobby", 3, 12, "node-a", "v0-person-000010", List.of(jpg, json, clip),
                OutboxStatus.PENDING, 0, null, created);

        try (S3Publisher publisher = S3Clients.open(target("edge/site-1"), CREDENTIALS)) {
            // when: published twice, as after a crash between the upload and the SENT mark
            long first = publisher.publish(entry);
            long second = publisher.publish(entry);

            // then: the same keys, each object once, its bytes the source's, and a manifest of them
            String base = "edge/site-1/lobby/node-a/";
            String event = "2026/12/05/i3-v0-person-000010/";
            assertThat(keys()).containsExactlyInAnyOrder(base + event + "v0-person-000010.jpg", base + event + "v0-person-000010.json",
                    base + event + "v0-person-000010.mp4", base + "manifests/12/manifest.json");
            assertThat(first).isEqualTo(second).isEqualTo(Files.size(jpg) + Files.size(json) + Files.size(clip));
            for (Path file : List.of(jpg, json, clip)) {
                byte[] stored = publisher.read(base + event + file.getFileName()).orElseThrow();
                assertThat(sha256(stored)).as(file.toString()).isEqualTo(Sha256.of(file));
            }
            Manifest manifest = Manifest.parse(new String(publisher.read(base + "manifests/12/manifest.json").orElseThrow()));
            assertThat(manifest.files()).extracting(Manifest.Entry::name, Manifest.Entry::sha256).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(event + "v0-person-000010.jpg", Sha256.of(jpg)),
                    org.assertj.core.groups.Tuple.tuple(event + "v0-person-000010.json", Sha256.of(json)),
                    org.assertj.core.groups.Tuple.tuple(event + "v0-person-000010.mp4", Sha256.of(clip)));
        }
    }

    @Test
    void redactedCopiesGoUnderTheOriginalNamesAndTheManifestMarksThem(@TempDir Path node) throws IOException {
        // given: the redacted copies of a snapshot and of a clip (multipart), and the event's JSON
        Path redacted = Files.createDirectories(RedactedCopies.folder(node));
        Path jpg = Files.write(redacted.resolve("v0-person-000020.jpg"), bytes(50_000, 3));
        Path clip = Files.write(redacted.resolve("v0-person-000020.mp4"), bytes(9 * 1024 * 1024, 4));
        Path json = Files.writeString(node.resolve("v0-person-000020.json"), "{}");
        long created = Instant.parse("2026-12-05T10:00:00Z").toEpochMilli();
        OutboxEntry entry = new OutboxEntry(8, "lobby", 3, 13, "node-a", "v0-person-000020", List.of(jpg, clip, json),
                OutboxStatus.PENDING, 0, null, created);

        try (S3Publisher publisher = S3Clients.open(target("redacting"), CREDENTIALS)) {
            // when
            publisher.publish(entry);

            // then
            String base = "redacting/lobby/node-a/";
            String event = "2026/12/05/i3-v0-person-000020/";
            assertThat(sha256(publisher.read(base + event + "v0-person-000020.jpg").orElseThrow())).isEqualTo(Sha256.of(jpg));
            Manifest manifest = Manifest.parse(new String(publisher.read(base + "manifests/13/manifest.json").orElseThrow()));
            assertThat(manifest.files()).extracting(Manifest.Entry::name, Manifest.Entry::redacted).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(event + "v0-person-000020.jpg", true),
                    org.assertj.core.groups.Tuple.tuple(event + "v0-person-000020.json", false),
                    org.assertj.core.groups.Tuple.tuple(event + "v0-person-000020.mp4", true));
        }
    }

    @Test
    void anEndpointThatRefusesConnectionsPassesTheCheckAndLeavesTheEventRetryable(@TempDir Path node) throws IOException {
        Path json = Files.writeString(node.resolve("e.json"), "{}");
        OutboxEntry entry = new OutboxEntry(1, "lobby", 3, 12, "node-a", "e", List.of(json), OutboxStatus.PENDING, 0, null, 0);
        S3Target refusing = new S3Target("events", "", URI.create("http://127.0.0.1:" + freePort()), "us-east-1", true);
        try (S3Publisher publisher = S3Clients.open(refusing, CREDENTIALS)) {
            publisher.check();
            assertThatThrownBy(() -> publisher.publish(entry)).isInstanceOf(RetryablePublishException.class)
                    .hasMessageContaining("event e could not be published to s3://events at http://127.0.0.1:")
                    .hasMessageContaining("unreachable");
        }
    }

    @Test
    void aMissingBucketIsRefusedByTheCheckAndFailsPublishingForGood(@TempDir Path node) throws IOException {
        Path json = Files.writeString(node.resolve("e.json"), "{}");
        OutboxEntry entry = new OutboxEntry(1, "lobby", 3, 12, "node-a", "e", List.of(json), OutboxStatus.PENDING, 0, null, 0);
        S3Target missing = new S3Target("no-such-bucket", "x", server.endpoint(), "us-east-1", true);
        try (S3Publisher publisher = S3Clients.open(missing, CREDENTIALS)) {
            assertThatThrownBy(publisher::check).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("publish.target s3://no-such-bucket/x at " + server.endpoint() + ": the bucket 'no-such-bucket' does not exist at "
                            + server.endpoint());
            assertThatThrownBy(() -> publisher.publish(entry)).isInstanceOf(PublishException.class)
                    .isNotInstanceOf(RetryablePublishException.class).hasMessageContaining("the bucket 'no-such-bucket' does not exist");
        }
    }

    @Test
    void missingCredentialsAreRefusedByTheCheckWithoutPrintingAny() {
        AwsCredentialsProvider none = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        };
        try (S3Publisher publisher = S3Clients.open(target(""), none)) {
            assertThatThrownBy(publisher::check).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("publish.target s3://events at " + server.endpoint() + ": no S3 credentials found.")
                    .hasMessageContaining("AWS_ACCESS_KEY_ID");
        }
    }

    @Test
    void wrongCredentialsAreRefusedByTheCheckWithoutPrintingThem() {
        AwsCredentialsProvider wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create("someone", "not-the-secret"));
        try (S3Publisher publisher = S3Clients.open(target(""), wrong)) {
            assertThatThrownBy(publisher::check).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("access denied to bucket 'events'").hasMessageNotContaining("not-the-secret");
        }
    }

    private static S3Target target(String prefix) {
        return new S3Target("events", prefix, server.endpoint(), "us-east-1", true);
    }

    private static List<String> keys() {
        return server.keys("events");
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        return org.edgebatch.publish.FileDigest.ofBytes(bytes).sha256();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
