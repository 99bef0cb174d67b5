package org.edgebatch.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryLoaderTests {

    @TempDir
    Path cache;

    @Test
    void extractsTheJarLibraryOnceIntoAFolderKeyedByVersionAndHash() throws Exception {
        // given
        NativeLibraryLoader loader = loader(Map.of(), Map.of());

        // when
        Path first = loader.locate(Optional.empty());
        BasicFileAttributes before = Files.readAttributes(first, BasicFileAttributes.class);
        Path second = loader.locate(Optional.empty());
        BasicFileAttributes after = Files.readAttributes(second, BasicFileAttributes.class);

        // then
        assertThat(second).isEqualTo(first);
        assertThat(first.getFileName().toString()).isEqualTo(System.mapLibraryName("onnxruntime"));
        String folder = first.getParent().getFileName().toString();
        assertThat(folder).matches("1\\.29\\.0-[0-9a-f]{16}");
        assertThat(sha256(first)).startsWith(folder.substring("1.29.0-".length()));
        assertThat(after.fileKey()).isEqualTo(before.fileKey());
        assertThat(after.lastModifiedTime()).isEqualTo(before.lastModifiedTime());
    }

    @Test
    void remembersTheLibrarysHashByItsJarEntryAndWorksItOutAgainWhenTheMemoIsUnreadable() throws Exception {
        // given
        Path library = loader(Map.of(), Map.of()).locate(Optional.empty());
        String hash = sha256(library);
        Path memo;
        try (Stream<Path> files = Files.list(cache.resolve("cache"))) {
            memo = files.filter(file -> file.getFileName().toString().endsWith(".sha256")).findFirst().orElseThrow();
        }
        assertThat(memo.getFileName().toString()).matches("1\\.29\\.0-crc[0-9a-f]{8}-[0-9]+\\.sha256");
        assertThat(Files.readString(memo).strip()).isEqualTo(hash);

        // when
        Files.writeString(memo, "not a hash");
        Path again = loader(Map.of(), Map.of()).locate(Optional.empty());

        // then
        assertThat(again).isEqualTo(library);
        assertThat(Files.readString(memo).strip()).isEqualTo(hash);
    }

    @Test
    void concurrentExtractionsLeaveOneCompleteLibraryAndNoTemporaryFiles() throws Exception {
        // given
        int workers = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                NativeLibraryLoader loader = loader(Map.of(), Map.of());
                results.add(pool.submit(() -> {
                    start.await();
                    return loader.locate(Optional.empty());
                }));
            }

            // when
            start.countDown();
            List<Path> paths = new ArrayList<>();
            for (Future<Path> result : results) {
                paths.add(result.get());
            }

            // then
            assertThat(paths).containsOnly(paths.getFirst());
            String folder = paths.getFirst().getParent().getFileName().toString();
            assertThat(sha256(paths.getFirst())).startsWith(folder.substring(folder.indexOf('-') + 1));
            try (Stream<Path> files = Files.list(paths.getFirst().getParent())) {
                assertThat(files).containsExactly(paths.getFirst());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingConfiguredLibraryIsAnErrorNamingThePathAndItsSource() {
        // given
        Path missing = cache.resolve("nowhere/libonnxruntime.so");

        // when / then
        assertThatThrownBy(() -> loader(Map.of(NativeLibraryLoader.LIBRARY_PROPERTY, missing.toString()), Map.of())
                .locate(Optional.empty()))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("system property edgebatch.onnxruntime.library");
        assertThatThrownBy(() -> loader(Map.of(), Map.of(NativeLibraryLoader.LIBRARY_ENV, missing.toString()))
                .locate(Optional.empty()))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("environment variable ORT_LIBRARY_PATH");
    }

    @Test
    void anExplicitPathWinsOverPropertyAndEnvironmentAndAFolderResolvesToTheLibraryInside() throws IOException {
        // given
        Path folder = Files.createDirectories(cache.resolve("ort"));
        Path library = Files.writeString(folder.resolve(System.mapLibraryName("onnxruntime")), "not really");
        NativeLibraryLoader loader = loader(Map.of(NativeLibraryLoader.LIBRARY_PROPERTY, "/property/missing"),
                Map.of(NativeLibraryLoader.LIBRARY_ENV, "/env/missing"));

        // when
        Path located = loader.locate(Optional.of(folder));

        // then
        assertThat(located).isEqualTo(library.toAbsolutePath());
    }

    @Test
    void thePropertyWinsOverTheEnvironment() throws IOException {
        // given
        Path library = Files.writeString(cache.resolve("libort-from-property.so"), "x");
        NativeLibraryLoader loader = loader(Map.of(NativeLibraryLoader.LIBRARY_PROPERTY, library.toString()),
                Map.of(NativeLibraryLoader.LIBRARY_ENV, "/env/missing"));

        // when / then
        assertThat(loader.locate(Optional.empty())).isEqualTo(library.toAbsolutePath());
    }

    @Test
    void mapsJavaPlatformNamesToTheJarFolders() {
        assertThat(NativeLibraryLoader.platformFolder("Linux", "amd64")).isEqualTo("linux-x64");
        assertThat(NativeLibraryLoader.platformFolder("Linux", "aarch64")).isEqualTo("linux-aarch64");
        assertThat(NativeLibraryLoader.platformFolder("Mac OS X", "aarch64")).isEqualTo("osx-aarch64");
        assertThat(NativeLibraryLoader.platformFolder("Windows 11", "amd64")).isEqualTo("win-x64");
    }

    private NativeLibraryLoader loader(Map<String, String> properties, Map<String, String> environment) {
        return new NativeLibraryLoader(properties::get, environment::get, cache.resolve("cache"),
                getClass().getClassLoader());
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
