package org.edgebatch.batch.item;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgebatch.detect.Detection;
import org.edgebatch.step.FrameDetections;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes one YOLO label file per inferred frame, {@code <folder>/<video>/<frame, 8 digits>.txt}, each line
 * {@code class cx cy w h} in fractions of the frame (an empty file: a frame with nothing in it). Files are replaced
 * whole, so a chunk written again after a restart leaves the same files. Frames the motion gate skipped get none.
 * Made by {@link YoloLabelsItemWriterBuilder}.
 */
public final class YoloLabelsItemWriter implements ItemWriter<FrameDetections> {

    private final Path folder;

    YoloLabelsItemWriter(Path folder) {
        this.folder = folder;
    }

    /** The label file of a frame. */
    public Path labelFile(String videoId, long frameIndex) {
        return folder.resolve(videoId).resolve(String.format(Locale.ROOT, "%08d.txt", frameIndex));
    }

    @Override
    public void write(Chunk<? extends FrameDetections> chunk) throws IOException {
        for (FrameDetections frame : chunk) {
            if (!frame.inferred()) {
                continue;
            }
            if (frame.frameWidth() == 0 || frame.frameHeight() == 0) {
                throw new IllegalArgumentException("frame " + frame.frameIndex() + " of video " + frame.videoId()
                        + " has no size; YOLO labels are fractions of it (use the DetectItemProcessor's output)");
            }
            List<String> lines = new ArrayList<>(frame.detections().size());
            for (Detection d : frame.detections()) {
                lines.add(DetectionFileFormats.yoloLine(d, frame.frameWidth(), frame.frameHeight()));
            }
            Path file = labelFile(frame.videoId(), frame.frameIndex());
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            Files.write(partial, lines);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
