package org.edgebatch.batch.item;

import java.util.List;
import org.edgebatch.step.FrameDetections;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;

/** Passes only the frames with detections to a file writer, which would write an empty line for the others. */
final class FramesWithDetectionsWriter implements ItemStreamWriter<FrameDetections> {

    private final FlatFileItemWriter<FrameDetections> delegate;

    FramesWithDetectionsWriter(FlatFileItemWriter<FrameDetections> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void write(Chunk<? extends FrameDetections> chunk) throws Exception {
        List<FrameDetections> detected = chunk.getItems().stream().filter(frame -> !frame.detections().isEmpty())
                .map(FrameDetections.class::cast).toList();
        if (!detected.isEmpty()) {
            delegate.write(new Chunk<>(detected));
        }
    }

    @Override
    public void open(ExecutionContext executionContext) {
        delegate.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        delegate.update(executionContext);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
