package org.edgebatch.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models pull} against a local HTTP server: download, resume after a cut, a wrong hash refused, unknown names. */
class ModelDownloaderTests {

    private final byte[] model = new byte[300_000];
    private final List<String> ranges = new ArrayList<>();
    private final AtomicBoolean cutNext = new AtomicBoolean();
    private HttpServer server;
    private StringWriter progress;

    @TempDir
    Path cache;

    @BeforeEach
    void serve() throws IOException {
        new Random(13).nextBytes(model);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/model.onnx", this::send);
        server.start();
        progress = new StringWriter();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Serves the model, honouring {@code Range: bytes=N-}; when cut, it stops after a third and closes the connection. */
    private void send(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(String.valueOf(range));
        int from = range == null ? 0 : Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
        exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (model.length - 1) + "/" + model.length);
        exchange.sendResponseHeaders(range == null ? 200 : 206, model.length - from);
        try (OutputStream out = exchange.getResponseBody()) {
            int end = cutNext.getAndSet(false) ? from + model.length / 3 : model.length;
            out.write(model, from, end - from);
        }
    }

    private CatalogEntry entry(String sha256) {
        return new CatalogEntry("tiny-model", "model", "models/tiny.onnx", model.length, sha256,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/model.onnx"), "CC0", "a test model");
    }

    private ModelDownloader downloader() {
        return new ModelDownloader(ModelDownloader.defaultClient(), cache, new PrintWriter(progress));
    }

    @Test
    void downloadsVerifiesAndInstallsIntoTheCache() throws Exception {
        Path file = downloader().pull(entry(sha256(model)));

        assertThat(file).isEqualTo(cache.resolve("models/tiny.onnx")).hasBinaryContent(model);
        assertThat(progress.toString()).contains("tiny-model [####################] 100%").contains("SHA-256 verified");
        assertThat(downloader().pull(entry(sha256(model)))).isEqualTo(file);
        assertThat(ranges).as("a file in place is not fetched again").hasSize(1);
    }

    @Test
    void aCutDownloadResumesWithARangeRequest() throws Exception {
        // given: the connection drops after a third
        cutNext.set(true);
        assertThatThrownBy(() -> downloader().pull(entry(sha256(model)))).isInstanceOf(IOException.class);
        Path part = cache.resolve("models/tiny.onnx.part");
        assertThat(part).exists();
        long kept = Files.size(part);
        assertThat(kept).isBetween(1L, (long) model.length - 1);

        // when
        Path file = downloader().pull(entry(sha256(model)));

        // then: only the rest was asked for, and the whole file is right
        assertThat(ranges).containsExactly("null", "bytes=" + kept + "-");
        assertThat(file).hasBinaryContent(model);
        assertThat(part).doesNotExist();
    }

    @Test
    void aFileWhoseHashDiffersIsRefusedAndDeleted() {
        String pinned = "0".repeat(64);

        assertThatThrownBy(() -> downloader().pull(entry(pinned))).isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("refused").hasMessageContaining(sha256(model)).hasMessageContaining(pinned);
        assertThat(cache.resolve("models/tiny.onnx")).doesNotExist();
        assertThat(cache.resolve("models/tiny.onnx.part")).doesNotExist();
    }

    @Test
    void anUnknownNameIsAnsweredWithTheKnownOnes() {
        ModelCatalog catalog = ModelCatalog.builtIn();

        assertThatThrownBy(() -> catalog.byName("yolov99")).hasMessageContaining("no 'yolov99' in the catalogue")
                .hasMessageContaining("yolov5n-coco-fp16").hasMessageContaining("pets2009-vtest");
        assertThat(catalog.entries()).allSatisfy(entry -> {
            assertThat(entry.url().getScheme()).isEqualTo("https");
            assertThat(entry.licence()).isNotBlank();
        });
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
