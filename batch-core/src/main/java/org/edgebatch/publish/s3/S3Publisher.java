package org.edgebatch.publish.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edgebatch.publish.FileDigest;
import org.edgebatch.publish.Manifest;
import org.edgebatch.publish.RedactedCopies;
import org.edgebatch.publish.OutboxEntry;
import org.edgebatch.publish.PublishException;
import org.edgebatch.publish.Publisher;
import org.edgebatch.publish.RetryablePublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Publishes to an S3-compatible object store ({@code s3://bucket/prefix}): each of an event's files is put under the
 * keys of {@link S3Keys} with its Content-MD5 (the store refuses a body that does not match) and its SHA-256 as
 * metadata, and the ETag the store acknowledges is compared with the MD5; then the node's manifest of the execution is
 * rewritten with the new entries. Files over {@link MultipartUpload#PART_BYTES} go as multipart uploads.
 */
public final class S3Publisher implements Publisher {

    private static final Logger log = LoggerFactory.getLogger(S3Publisher.class);

    private final S3Client client;
    private final AwsCredentialsProvider credentials;
    private final S3Target target;
    private final S3Keys keys;

    public S3Publisher(S3Client client, AwsCredentialsProvider credentials, S3Target target) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
        this.target = Objects.requireNonNull(target, "target must not be null");
        this.keys = new S3Keys(target.prefix());
    }

    @Override
    public String target() {
        return target.describe();
    }

    @Override
    public void check() {
        new S3TargetCheck(client, credentials, target).run();
    }

    @Override
    public long publish(OutboxEntry entry) {
        try {
            String nodePrefix = keys.node(entry.jobName(), entry.nodeId());
            List<Manifest.Entry> added = new ArrayList<>();
            long bytes = 0;
            for (Path file : entry.files()) {
                String name = keys.relative(entry, file.getFileName().toString());
                added.add(put(file, nodePrefix + name, name));
                bytes += added.getLast().bytes();
            }
            String manifestKey = keys.manifest(entry.jobName(), entry.nodeId(), entry.jobExecutionId());
            Manifest manifest = readManifest(manifestKey, entry).with(added);
            putSmall(manifestKey, manifest.toJson().getBytes(StandardCharsets.UTF_8), "application/json");
            return bytes;
        } catch (SdkClientException e) {
            throw new RetryablePublishException("event " + entry.eventKey() + " could not be published to " + target()
                    + ": the store is unreachable: " + e.getMessage(), e);
        } catch (S3Exception e) {
            String message = "event " + entry.eventKey() + " could not be published to " + target() + ": " + S3Errors.describe(e, target);
            throw S3Errors.isTransient(e) ? new RetryablePublishException(message, e) : new PublishException(message, e);
        } catch (IOException e) {
            throw new PublishException("event " + entry.eventKey() + " could not be published to " + target() + ": " + e, e);
        }
    }

    private Manifest.Entry put(Path file, String key, String name) throws IOException {
        long size = Files.size(file);
        if (size > MultipartUpload.PART_BYTES) {
            String sha256 = new MultipartUpload(client, target.bucket(), key).upload(file);
            return new Manifest.Entry(name, size, sha256, RedactedCopies.isRedacted(file));
        }
        FileDigest digest = FileDigest.of(file);
        PutObjectResponse response = client.putObject(request -> request.bucket(target.bucket()).key(key)
                .contentLength(size).contentMD5(digest.md5Base64()).metadata(Map.of("sha256", digest.sha256())),
                RequestBody.fromFile(file));
        ETags.requireMatch(response.eTag(), digest.md5Hex(), key);
        if (!digest.sha256().equals(FileDigest.of(file).sha256())) {
            throw new IOException(file + " changed while it was being uploaded");
        }
        log.debug("stored {} ({} bytes)", key, size);
        return new Manifest.Entry(name, size, digest.sha256(), RedactedCopies.isRedacted(file));
    }

    private void putSmall(String key, byte[] body, String contentType) {
        FileDigest digest = FileDigest.ofBytes(body);
        PutObjectResponse response = client.putObject(request -> request.bucket(target.bucket()).key(key)
                .contentType(contentType).contentLength((long) body.length).contentMD5(digest.md5Base64())
                .metadata(Map.of("sha256", digest.sha256())), RequestBody.fromBytes(body));
        ETags.requireMatch(response.eTag(), digest.md5Hex(), key);
    }

    private Manifest readManifest(String key, OutboxEntry entry) {
        try {
            return Manifest.parse(client.getObjectAsBytes(request -> request.bucket(target.bucket()).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return new Manifest(entry.jobName(), entry.jobExecutionId(), entry.nodeId(), List.of());
        }
    }

    /** The keys this publisher files under. */
    public S3Keys keys() {
        return keys;
    }

    /** Reads an object whole; empty when there is no such key. */
    public java.util.Optional<byte[]> read(String key) {
        try {
            return java.util.Optional.of(client.getObjectAsBytes(request -> request.bucket(target.bucket()).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return java.util.Optional.empty();
        } catch (SdkException e) {
            throw new PublishException("cannot read " + key + " from " + target() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.Optional<byte[]> read(String jobName, String nodeId, long jobExecutionId, String name) {
        return read(Manifest.FILE_NAME.equals(name) ? keys.manifest(jobName, nodeId, jobExecutionId)
                : keys.node(jobName, nodeId) + name);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (SdkException e) {
            log.debug("closing the S3 client: {}", e.getMessage());
        }
    }
}
