package org.edgebatch.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.edgebatch.step.FrameItemReader;
import org.junit.jupiter.api.Test;

/**
 * The video package is plain Java, usable without Spring (benchmarks, tools, the framework built on it); only the
 * step package adapts it to Spring Batch. Checked on the compiled classes (every type a class uses, imported or written
 * out in full, is named in its constant pool) and on the sources (which also have unused imports and Javadoc links,
 * both absent from class files).
 */
class VideoPackageIndependenceTests {

    @Test
    void noClassOfTheVideoPackageRefersToSpring() throws IOException {
        // given
        Path video = classFolder(FrameReader.class);
        List<Path> classes;
        try (Stream<Path> files = Files.list(video)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).toList();
        }

        // when
        List<String> offending = classes.stream().filter(VideoPackageIndependenceTests::refersToSpring)
                .map(f -> f.getFileName().toString()).toList();

        // then
        assertThat(classes).extracting(f -> f.getFileName().toString())
                .contains("FrameReader.class", "MotionGate.class", "FrameDecoder.class", "VideoDecodeException.class");
        assertThat(offending).as("classes of org.edgebatch.video that use Spring types").isEmpty();
    }

    @Test
    void noSourceOfTheVideoPackageNamesSpring() throws IOException {
        // given: tests run in the module's folder
        Path sources = Path.of("src/main/java/org/edgebatch/video");
        List<Path> files;
        try (Stream<Path> listed = Files.list(sources)) {
            files = listed.filter(f -> f.toString().endsWith(".java")).toList();
        }

        // when
        List<String> offending = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("org.springframework")) {
                    offending.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }

        // then
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("FrameReader.java", "MotionGate.java");
        assertThat(offending).as("lines of org.edgebatch.video naming Spring").isEmpty();
    }

    @Test
    void theCheckFindsSpringWhereItIs() {
        // the adapter over the reader is a Spring Batch ItemStreamReader: the check must see that
        assertThat(refersToSpring(classFolder(FrameItemReader.class).resolve("FrameItemReader.class"))).isTrue();
    }

    private static Path classFolder(Class<?> type) {
        try {
            Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return root.resolve(type.getPackageName().replace('.', '/'));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean refersToSpring(Path classFile) {
        try {
            // Latin-1 maps every byte to one char, so the constant pool's UTF-8 names can be searched as text.
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("org/springframework/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
