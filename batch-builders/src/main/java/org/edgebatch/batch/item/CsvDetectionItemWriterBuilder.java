package org.edgebatch.batch.item;

import java.nio.file.Path;
import java.util.Objects;
import org.edgebatch.step.FrameDetections;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.core.io.FileSystemResource;

/**
 * Builds a CSV writer with one row per detection under a header ({@code video,frame,timestamp_micros,class_id,label,
 * score,x1,y1,x2,y2}); frames without detections write no row. Spring Batch's {@link FlatFileItemWriter} underneath,
 * so a restart truncates the file back to its last committed chunk.
 */
public final class CsvDetectionItemWriterBuilder {

    private Path file;
    private String name = "csvDetectionWriter";

    /** The file to write. */
    public CsvDetectionItemWriterBuilder file(Path file) {
        this.file = Objects.requireNonNull(file, "file must not be null");
        return this;
    }

    /** The name its position is saved under in the step's ExecutionContext (one per writer of a step). */
    public CsvDetectionItemWriterBuilder name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
        return this;
    }

    /**
     * The writer: a frame is one item, written as as many lines as it has detections.
     *
     * @throws IllegalStateException when no file was given
     */
    public ItemStreamWriter<FrameDetections> build() {
        if (file == null) {
            throw new IllegalStateException("a file is required");
        }
        FlatFileItemWriter<FrameDetections> writer = new FlatFileItemWriterBuilder<FrameDetections>().name(name)
                .resource(new FileSystemResource(file.toAbsolutePath()))
                .headerCallback(header -> header.write(DetectionFileFormats.CSV_HEADER))
                .lineAggregator(CsvDetectionItemWriterBuilder::rows)
                .transactional(true)
                .build();
        return new FramesWithDetectionsWriter(writer);
    }

    private static String rows(FrameDetections frame) {
        StringBuilder rows = new StringBuilder();
        for (var detection : frame.detections()) {
            if (!rows.isEmpty()) {
                rows.append('\n');
            }
            rows.append(DetectionFileFormats.csvRow(frame, detection));
        }
        return rows.toString();
    }
}
