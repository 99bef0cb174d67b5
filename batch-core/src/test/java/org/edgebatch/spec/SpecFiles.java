package org.edgebatch.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes spec files and stand-in model files into a test's temporary folder. */
final class SpecFiles {

    /** The job spec of issue 3, verbatim. */
    static final String LOBBY = """
            name: lobby-cameras
            input:
              paths: [/videos]
              include: ["*.mp4", "*.avi", "*.mkv"]
            target: all
            model:
              path: /models/yolov5n.onnx
              provider: cpu
              confidence: 0.25
              iou: 0.45
              classes: [person, car]
            sampling:
              everyNthFrame: 1
            motion:
              enabled: true
            events:
              classes: [person, car]
              minScore: 0.5
              minDurationSeconds: 0.5
              mergeGapSeconds: 2
              snapshot: true
            publish:
              target: file:///var/lib/edgebatch/outbox
            chunkSize: 16
            """;

    private final Path dir;

    SpecFiles(Path dir) {
        this.dir = dir;
    }

    /** A file standing in for a model: the loader checks it exists; parsing the ONNX happens later. */
    Path model() {
        return file("models/yolov5n.onnx", "not really onnx");
    }

    /** A minimal valid spec with {@code extra} appended (YAML lines at the top level). */
    Path spec(String extra) {
        model();
        return file("lobby.yaml", """
                name: job
                input:
                  paths: [videos]
                model:
                  path: models/yolov5n.onnx
                """ + extra);
    }

    Path file(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
