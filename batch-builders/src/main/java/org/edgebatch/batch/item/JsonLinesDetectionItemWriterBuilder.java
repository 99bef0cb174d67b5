package org.edgebatch.batch.item;

import java.nio.file.Path;
import java.util.Objects;
import org.edgebatch.step.FrameDetections;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.core.io.FileSystemResource;

/**
 * Builds a writer of JSON Lines, one object per frame with its detections (see {@code DetectionFileFormats}). It is
 * Spring Batch's {@link FlatFileItemWriter}: written with the chunk's transaction and, on restart, truncated back to
 * the last committed chunk, so the file holds every frame once.
 */
public final class JsonLinesDetectionItemWriterBuilder {

    private Path file;
    private String name = "jsonLinesDetectionWriter";

    /** The file to write (made, with its folders, when missing; replaced by a new job, truncated on restart). */
    public JsonLinesDetectionItemWriterBuilder file(Path file) {
        this.file = Objects.requireNonNull(file, "file must not be null");
        return this;
    }

    /** The name its position is saved under in the step's ExecutionContext (one per writer of a step). */
    public JsonLinesDetectionItemWriterBuilder name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
        return this;
    }

    /**
     * The writer.
     *
     * @throws IllegalStateException when no file was given
     */
    public FlatFileItemWriter<FrameDetections> build() {
        if (file == null) {
            throw new IllegalStateException("a file is required");
        }
        DetectionFileFormats formats = new DetectionFileFormats();
        return new FlatFileItemWriterBuilder<FrameDetections>().name(name)
                .resource(new FileSystemResource(file.toAbsolutePath()))
                .lineAggregator(formats::jsonLine)
                .transactional(true)
                .build();
    }
}
