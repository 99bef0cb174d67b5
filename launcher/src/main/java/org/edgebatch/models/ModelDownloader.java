package org.edgebatch.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Downloads a catalogue entry into a data folder ({@code <folder>/<entry's file>}): into {@code <file>.part} first,
 * continuing a part left by an interrupted download with an HTTP Range request, then checks the SHA-256 and only then
 * moves it into place. A file whose hash differs from the catalogue's is refused and deleted; a file already in place
 * with the right hash is not downloaded again.
 */
public final class ModelDownloader {

    private static final int BUFFER = 64 * 1024;

    private final HttpClient http;
    private final Path folder;
    private final PrintWriter progress;

    /** @param progress where the progress bar goes (standard error on a terminal) */
    public ModelDownloader(HttpClient http, Path folder, PrintWriter progress) {
        this.http = Objects.requireNonNull(http, "http must not be null");
        this.folder = Objects.requireNonNull(folder, "folder must not be null");
        this.progress = Objects.requireNonNull(progress, "progress must not be null");
    }

    /** An HTTP client that follows redirects (release downloads redirect to their storage). */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** Where {@code entry} is, or goes, in the folder. */
    public Path target(CatalogEntry entry) {
        return folder.resolve(entry.file());
    }

    /**
     * Downloads {@code entry} unless it is in place already; returns its path.
     *
     * @throws IOException when the server cannot be reached or answers with an error (the part is kept for a resume)
     * @throws ChecksumMismatchException when the whole file's SHA-256 is not the catalogue's (the part is deleted)
     */
    public Path pull(CatalogEntry entry) throws IOException, InterruptedException {
        Path target = target(entry);
        if (Files.isRegularFile(target) && sha256(target).equals(entry.sha256())) {
            progress.println(entry.name() + ": " + target + " is there already (SHA-256 checked)");
            progress.flush();
            return target;
        }
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (have > entry.bytes()) {
            Files.delete(part);
            have = 0;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(entry.url()).timeout(Duration.ofMinutes(10)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        boolean resumed = status == 206;
        if (status != 200 && !resumed) {
            response.body().close();
            throw new IOException(entry.name() + ": " + entry.url() + " answered HTTP " + status);
        }
        long start = resumed ? have : 0;
        try (InputStream body = response.body();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            copy(entry, body, out, start);
        }
        progress.println();
        String actual = sha256(part);
        if (!actual.equals(entry.sha256())) {
            Files.delete(part);
            throw new ChecksumMismatchException(entry.name() + ": refused: the download from " + entry.url() + " has SHA-256 "
                    + actual + ", the catalogue pins " + entry.sha256() + " (deleted; nothing was installed)");
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress.println(entry.name() + ": " + target + " (" + entry.bytes() + " bytes, SHA-256 verified; " + entry.licence() + ")");
        progress.flush();
        return target;
    }

    private void copy(CatalogEntry entry, InputStream body, OutputStream out, long start) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long done = start;
        int shown = -1;
        for (int n; (n = body.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            done += n;
            int percent = (int) Math.min(100, done * 100 / entry.bytes());
            if (percent != shown) {
                shown = percent;
                progress.print("\r" + bar(entry.name(), percent, done, entry.bytes()));
                progress.flush();
            }
        }
    }

    /** {@code name [#########           ]  45%  1.8/4.0 MB}. */
    static String bar(String name, int percent, long done, long total) {
        int filled = percent / 5;
        return name + " [" + "#".repeat(filled) + " ".repeat(20 - filled) + "] " + String.format("%3d%%  %.1f/%.1f MB",
                percent, done / 1e6, total / 1e6);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
