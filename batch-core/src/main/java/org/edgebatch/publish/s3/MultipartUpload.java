package org.edgebatch.publish.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edgebatch.publish.FileDigest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One file sent as an S3 multipart upload in parts of {@link #PART_BYTES}: each part with its Content-MD5 and its
 * acknowledged ETag compared; the completed object's ETag compared with the MD5 of the parts' MD5s (S3's rule). An
 * upload that fails is aborted, so no parts are left billed in the bucket.
 */
final class MultipartUpload {

    /** Files above this size go in parts of this size (S3's minimum part is 5 MiB). */
    static final long PART_BYTES = 8L * 1024 * 1024;

    private final S3Client client;
    private final String bucket;
    private final String key;

    MultipartUpload(S3Client client, String bucket, String key) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.bucket = Objects.requireNonNull(bucket, "bucket must not be null");
        this.key = Objects.requireNonNull(key, "key must not be null");
    }

    /** @return the SHA-256 of the file, in hex */
    String upload(Path file) throws IOException {
        FileDigest whole = FileDigest.of(file);
        long size = Files.size(file);
        String uploadId = client.createMultipartUpload(request -> request.bucket(bucket).key(key)
                .metadata(Map.of("sha256", whole.sha256()))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            ByteArrayOutputStream partMd5s = new ByteArrayOutputStream();
            for (long offset = 0; offset < size; offset += PART_BYTES) {
                int number = parts.size() + 1;
                long length = Math.min(PART_BYTES, size - offset);
                FileDigest digest = FileDigest.of(file, offset, length);
                byte[] body = read(file, offset, (int) length);
                UploadPartResponse response = client.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(number).contentLength(length).contentMD5(digest.md5Base64()), RequestBody.fromBytes(body));
                ETags.requireMatch(response.eTag(), digest.md5Hex(), key + " part " + number);
                parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
                partMd5s.writeBytes(digest.md5());
            }
            String eTag = client.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts))).eTag();
            String expected = HexFormat.of().formatHex(md5(partMd5s.toByteArray())) + "-" + parts.size();
            ETags.requireMatch(eTag, expected, key);
            return whole.sha256();
        } catch (IOException | RuntimeException e) {
            abort(uploadId, e);
            throw e;
        }
    }

    private void abort(String uploadId, Exception cause) {
        try {
            client.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
        }
    }

    private static byte[] read(Path file, long offset, int length) throws IOException {
        try (var in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            return in.readNBytes(length);
        }
    }

    private static byte[] md5(byte[] bytes) {
        return FileDigest.ofBytes(bytes).md5();
    }
}
