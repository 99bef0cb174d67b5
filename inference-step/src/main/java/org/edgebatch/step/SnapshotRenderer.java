package org.edgebatch.step;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detection;
import org.edgebatch.detect.DetectionPainter;
import org.edgebatch.redact.Redactor;
import org.edgebatch.video.FrameExtractor;
import org.edgebatch.video.VideoFrame;

/**
 * Draws an event's snapshot: the best frame decoded again at full resolution (the detect step may have read it
 * downscaled), its boxes and labels painted on, written as a JPEG. The file appears whole or not at all (written
 * beside its target, then moved over it), so a re-run of the events step never leaves a half-written image.
 */
public final class SnapshotRenderer {

    private final FrameExtractor extractor;
    private final DetectionPainter painter;
    private final float quality;

    /** @param quality JPEG quality, 0..1 */
    public SnapshotRenderer(FrameExtractor extractor, DetectionPainter painter, float quality) {
        this.extractor = Objects.requireNonNull(extractor, "extractor must not be null");
        this.painter = Objects.requireNonNull(painter, "painter must not be null");
        if (!(quality > 0 && quality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], was " + quality);
        }
        this.quality = quality;
    }

    public SnapshotRenderer() {
        this(new FrameExtractor(1), new DetectionPainter(), 0.9f);
    }

    /**
     * Renders frame {@code frameIndex} (at {@code timestampMicros}) of {@code video} with {@code detections} (in the
     * decoded frame's pixels) to {@code output}, and returns the file's size in bytes.
     */
    public long render(Path video, long frameIndex, long timestampMicros, List<Detection> detections, Path output)
            throws IOException {
        VideoFrame frame = extractor.extract(video, frameIndex, timestampMicros);
        BufferedImage annotated = painter.annotate(frame.image(), detections);
        return write(annotated, output);
    }

    /** The sizes of a snapshot and of its redacted copy. */
    public record Rendered(long bytes, long redactedBytes) {
    }

    /**
     * Renders the snapshot as {@link #render} does to {@code output}, then, from the same decoded frame, its redacted
     * copy to {@code redactedOutput}: the annotated image with {@code redactor}'s regions around {@code toRedact} (the
     * frame's detections, any class) blurred, boxes and captions included, so nothing inside a region stays sharp.
     */
    public Rendered render(Path video, long frameIndex, long timestampMicros, List<Detection> detections, Path output,
                           Redactor redactor, List<Detection> toRedact, Path redactedOutput) throws IOException {
        Objects.requireNonNull(redactor, "redactor must not be null");
        VideoFrame frame = extractor.extract(video, frameIndex, timestampMicros);
        BufferedImage annotated = painter.annotate(frame.image(), detections);
        long bytes = write(annotated, output);
        // TYPE_3BYTE_BGR: the BgrImage is a view of the same pixels, redacted in place after the node's copy is written.
        redactor.redact(BgrImage.of(annotated), toRedact);
        return new Rendered(bytes, write(annotated, redactedOutput));
    }

    private long write(BufferedImage annotated, Path output) throws IOException {
        Path folder = output.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, output.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                writeJpeg(annotated, out);
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return Files.size(output);
    }

    private void writeJpeg(BufferedImage image, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no JPEG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
