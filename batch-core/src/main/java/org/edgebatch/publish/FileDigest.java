package org.edgebatch.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The MD5 and SHA-256 of a file's bytes (or part of them), read once: object stores acknowledge the MD5 (their ETag),
 * manifests and metadata carry the SHA-256.
 *
 * @param md5    the 16 bytes of the MD5
 * @param sha256 the SHA-256 in lower-case hex
 */
public record FileDigest(byte[] md5, String sha256, long bytes) {

    public FileDigest {
        md5 = md5.clone();
    }

    @Override
    public byte[] md5() {
        return md5.clone();
    }

    public static FileDigest of(Path file) throws IOException {
        return of(file, 0, Files.size(file));
    }

    /** The digest of {@code length} bytes of {@code file} from {@code offset}. */
    public static FileDigest of(Path file, long offset, long length) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha256 = digest("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            byte[] buffer = new byte[65536];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException(file + " ended before byte " + (offset + length));
                }
                md5.update(buffer, 0, read);
                sha256.update(buffer, 0, read);
                left -= read;
            }
        }
        return new FileDigest(md5.digest(), HexFormat.of().formatHex(sha256.digest()), length);
    }

    public static FileDigest ofBytes(byte[] bytes) {
        return new FileDigest(digest("MD5").digest(bytes), HexFormat.of().formatHex(digest("SHA-256").digest(bytes)), bytes.length);
    }

    /** The MD5 as the {@code Content-MD5} header wants it. */
    public String md5Base64() {
        return Base64.getEncoder().encodeToString(md5);
    }

    /** The MD5 as S3 returns it in an ETag (without the quotes). */
    public String md5Hex() {
        return HexFormat.of().formatHex(md5);
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no " + algorithm, e);
        }
    }
}
