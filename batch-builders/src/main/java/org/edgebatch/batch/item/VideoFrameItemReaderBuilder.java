package org.edgebatch.batch.item;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;
import org.edgebatch.batch.partition.VideoPartitionKeys;
import org.edgebatch.detect.ModelInput;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.FrameReaderBuilder;
import org.edgebatch.video.FrameSampling;
import org.edgebatch.video.MotionGate;
import org.edgebatch.video.VideoInfo;
import org.edgebatch.video.VideoProbe;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.core.io.Resource;

/**
 * Builds a {@link VideoFrameItemReader}, in the style of Spring Batch's {@code FlatFileItemReaderBuilder}: the video
 * (a file, a resource, or the file of the step's partition), which frames to read, the motion gate, the width frames
 * are scaled down to, and the name its position is saved under so a restarted step resumes.
 */
public final class VideoFrameItemReaderBuilder {

    /** Longest video id the EdgeBatch tables keep. */
    public static final int MAX_VIDEO_ID_LENGTH = 20;

    private String name;
    private Path file;
    private boolean partitionFile;
    private String videoId;
    private FrameSampling sampling = FrameSampling.everyFrame();
    private MotionGate.Settings motion;
    private int maxWidth;
    private ModelInput scaledFor;
    private int decoderThreads = 1;

    /**
     * The name the reader's position is saved under in the step's ExecutionContext ({@code <name>.frameIndex}...).
     * Required: a restarted step finds its position by it.
     */
    public VideoFrameItemReaderBuilder name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
        return this;
    }

    /** The video file to read. */
    public VideoFrameItemReaderBuilder file(Path file) {
        this.file = Objects.requireNonNull(file, "file must not be null");
        this.partitionFile = false;
        return this;
    }

    /**
     * The video as a Spring resource; it must be a file on this machine ({@code file:}, or a {@code classpath:}
     * resource outside a jar), since FFmpeg reads it by path.
     */
    public VideoFrameItemReaderBuilder resource(Resource resource) {
        Objects.requireNonNull(resource, "resource must not be null");
        try {
            return file(resource.getFile().toPath());
        } catch (IOException e) {
            throw new IllegalArgumentException("resource " + resource.getDescription()
                    + " is not a file on this machine; a video is read by path: " + e.getMessage(), e);
        }
    }

    /**
     * The video of the step's partition: the file a {@link org.edgebatch.batch.partition.LocalityPartitionerBuilder}
     * partitioner put in the partition's ExecutionContext ({@link VideoPartitionKeys#FILE}), with the video id it chose.
     */
    public VideoFrameItemReaderBuilder partitionFile() {
        this.partitionFile = true;
        this.file = null;
        return this;
    }

    /**
     * The id the frames and their rows carry, at most {@value #MAX_VIDEO_ID_LENGTH} characters (default: the
     * partition's id, else {@code v} and 16 hex digits of the SHA-256 of the file's absolute path).
     */
    public VideoFrameItemReaderBuilder videoId(String videoId) {
        if (videoId == null || videoId.isBlank() || videoId.length() > MAX_VIDEO_ID_LENGTH) {
            throw new IllegalArgumentException("videoId must be 1.." + MAX_VIDEO_ID_LENGTH + " characters, was '" + videoId + "'");
        }
        this.videoId = videoId;
        return this;
    }

    /** Which frames to read (default: every frame). */
    public VideoFrameItemReaderBuilder sampling(FrameSampling sampling) {
        this.sampling = Objects.requireNonNull(sampling, "sampling must not be null");
        return this;
    }

    /** Every {@code n}th frame. */
    public VideoFrameItemReaderBuilder everyNthFrame(int n) {
        return sampling(FrameSampling.everyNthFrame(n));
    }

    /** About {@code fps} frames a second of video. */
    public VideoFrameItemReaderBuilder targetFps(double fps) {
        return sampling(FrameSampling.targetFps(fps));
    }

    /** Key frames only: decodes nothing else, the fastest scan. */
    public VideoFrameItemReaderBuilder keyFramesOnly() {
        return sampling(FrameSampling.keyFramesOnly());
    }

    /** Judges each frame with a motion gate of these settings; a still frame is read but not inferred. */
    public VideoFrameItemReaderBuilder motionGate(MotionGate.Settings settings) {
        this.motion = Objects.requireNonNull(settings, "settings must not be null");
        return this;
    }

    /** The motion gate with its default settings, or none (the default: every frame is inferred). */
    public VideoFrameItemReaderBuilder motionGate(boolean enabled) {
        this.motion = enabled ? MotionGate.Settings.DEFAULTS : null;
        return this;
    }

    /** Frames wider than this are scaled down to it as they are converted (0, the default: the decoded size). */
    public VideoFrameItemReaderBuilder maxWidth(int maxWidth) {
        this.scaledFor = null;
        if (maxWidth < 0) {
            throw new IllegalArgumentException("maxWidth must not be negative, was " + maxWidth);
        }
        this.maxWidth = maxWidth;
        return this;
    }

    /**
     * Scales frames down to the smallest size that still fills this model input, as the CLI's job does (found from the
     * video's size when it opens); frames are scaled while they are converted anyway, and smaller ones letterbox
     * faster. Replaces {@link #maxWidth}.
     */
    public VideoFrameItemReaderBuilder scaledFor(ModelInput input) {
        this.scaledFor = Objects.requireNonNull(input, "input must not be null");
        return this;
    }

    /** FFmpeg decoder threads (default 1, leaving the cores to inference; 0: one per core). */
    public VideoFrameItemReaderBuilder decoderThreads(int decoderThreads) {
        if (decoderThreads < 0 || decoderThreads > 64) {
            throw new IllegalArgumentException("decoderThreads must be 0..64, was " + decoderThreads);
        }
        this.decoderThreads = decoderThreads;
        return this;
    }

    /**
     * The reader.
     *
     * @throws IllegalStateException naming what is missing
     */
    public VideoFrameItemReader build() {
        if (name == null) {
            throw new IllegalStateException("a name is required: the reader's position is saved under it for restarts");
        }
        if (file == null && !partitionFile) {
            throw new IllegalStateException("a video is required: file(...), resource(...) or partitionFile()");
        }
        Function<ExecutionContext, VideoFrameItemReader.Video> video = partitionFile ? partitionVideo(videoId) : fixedVideo(file, videoId);
        FrameSampling frames = sampling;
        int width = maxWidth;
        ModelInput input = scaledFor;
        int threads = decoderThreads;
        return new VideoFrameItemReader(name, video,
                path -> {
                    if (!Files.isRegularFile(path)) {
                        throw new ItemStreamException("video " + path + " does not exist or is not a file");
                    }
                    int scaled = width;
                    if (input != null) {
                        VideoInfo info = VideoProbe.probe(path);
                        scaled = input.decodeWidth(info.width(), info.height());
                    }
                    return FrameReader.builder(path).sampling(frames).maxWidth(scaled).decoderThreads(threads);
                },
                motion);
    }

    private static Function<ExecutionContext, VideoFrameItemReader.Video> fixedVideo(Path file, String id) {
        VideoFrameItemReader.Video video = new VideoFrameItemReader.Video(file, id != null ? id : defaultVideoId(file));
        return context -> video;
    }

    private static Function<ExecutionContext, VideoFrameItemReader.Video> partitionVideo(String fixedId) {
        return context -> {
            if (!context.containsKey(VideoPartitionKeys.FILE)) {
                throw new ItemStreamException("the step's ExecutionContext has no '" + VideoPartitionKeys.FILE
                        + "': partitionFile() reads the video of a partition made by LocalityPartitionerBuilder");
            }
            Path file = Path.of(context.getString(VideoPartitionKeys.FILE));
            String id = fixedId != null ? fixedId : context.getString(VideoPartitionKeys.VIDEO_ID, defaultVideoId(file));
            return new VideoFrameItemReader.Video(file, id);
        };
    }

    /** {@code v} and the first 16 hex digits of the SHA-256 of the file's absolute, normalised path. */
    public static String defaultVideoId(Path file) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "v" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 is missing from this JVM", e));
        }
    }
}
