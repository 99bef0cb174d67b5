package org.edgebatch.video;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Renders test and demo footage: a still background with sprites (e.g. a person cut from a photo)
 * that move along a straight line during part of the video and stand still otherwise. The same
 * inputs always give the same file (single-threaded encoders, integer sprite positions, no dates).
 */
public final class FootageRenderer {

    /** Codec and container of the rendered file. */
    public enum Format {
        /** H.264 (OpenH264 in JavaCV's FFmpeg build) in mp4. */
        H264_MP4("libopenh264", "mp4", AV_PIX_FMT_YUV420P),
        /** H.264 in Matroska. */
        H264_MKV("libopenh264", "matroska", AV_PIX_FMT_YUV420P),
        /** H.264 in QuickTime (.mov). */
        H264_MOV("libopenh264", "mov", AV_PIX_FMT_YUV420P),
        /** Motion JPEG in AVI: every frame a key frame. */
        MJPEG_AVI("mjpeg", "avi", AV_PIX_FMT_YUV420P),
        /** H.265 in Matroska; needs libx265, which the LGPL FFmpeg build JavaCV ships does not contain. */
        H265_MKV("libx265", "matroska", AV_PIX_FMT_YUV420P);

        final String encoder;
        final String container;
        final int pixelFormat;

        Format(String encoder, String container, int pixelFormat) {
            this.encoder = encoder;
            this.container = container;
            this.pixelFormat = pixelFormat;
        }

        /** Whether this FFmpeg build has the encoder. */
        public boolean available() {
            return avcodec_find_encoder_by_name(encoder) != null;
        }
    }

    /**
     * An opaque image that stands at {@code (fromX, fromY)} until {@code moveStartSeconds}, moves in a
     * straight line to {@code (toX, toY)} until {@code moveEndSeconds}, and stands there afterwards.
     */
    public record Sprite(BufferedImage image, int fromX, int fromY, int toX, int toY,
                         double moveStartSeconds, double moveEndSeconds) {

        public Sprite {
            Objects.requireNonNull(image, "sprite image must not be null");
            if (moveEndSeconds < moveStartSeconds) {
                throw new IllegalArgumentException("sprite moveEndSeconds " + moveEndSeconds + " is before moveStartSeconds " + moveStartSeconds);
            }
        }

        /** Top-left corner at time {@code t}, in whole pixels so that rendering is exact. */
        int[] positionAt(double t) {
            double progress = moveEndSeconds == moveStartSeconds ? (t >= moveEndSeconds ? 1 : 0)
                    : Math.clamp((t - moveStartSeconds) / (moveEndSeconds - moveStartSeconds), 0.0, 1.0);
            return new int[] {(int) Math.round(fromX + (toX - fromX) * progress), (int) Math.round(fromY + (toY - fromY) * progress)};
        }

        /** Whether the sprite is between two different positions at time {@code t}. */
        public boolean movingAt(double t) {
            return t > moveStartSeconds && t < moveEndSeconds && (fromX != toX || fromY != toY);
        }

        /** A copy of a rectangle of {@code source}, to use as a sprite image. */
        public static BufferedImage crop(BufferedImage source, int x, int y, int width, int height) {
            if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > source.getWidth() || y + height > source.getHeight()) {
                throw new IllegalArgumentException("crop " + width + "x" + height + "+" + x + "+" + y + " is outside the "
                        + source.getWidth() + "x" + source.getHeight() + " image");
            }
            return toBgr(source.getSubimage(x, y, width, height), width, height);
        }
    }

    private final int width;
    private final int height;
    private final int fps;
    private final double durationSeconds;
    private final Format format;
    private final int gop;
    private final int bitrate;
    private final boolean faststart;
    private final BufferedImage background;
    private final List<Sprite> sprites;
    private final Duration modifiedAgo;

    private FootageRenderer(Builder builder) {
        this.width = builder.width;
        this.height = builder.height;
        this.fps = builder.fps;
        this.durationSeconds = builder.durationSeconds;
        this.format = builder.format;
        this.gop = builder.gop > 0 ? builder.gop : builder.fps;
        this.bitrate = builder.bitrate > 0 ? builder.bitrate : Math.max(500_000, width * height * 4);
        this.faststart = builder.faststart;
        this.background = builder.background;
        this.sprites = List.copyOf(builder.sprites);
        this.modifiedAgo = builder.modifiedAgo;
    }

    /** How long ago a rendered file says it was modified, unless the builder says otherwise. */
    public static final Duration DEFAULT_MODIFIED_AGO = Duration.ofHours(1);

    public static Builder builder() {
        return new Builder();
    }

    /** The sprites, as given. */
    public List<Sprite> sprites() {
        return sprites;
    }

    /** Number of frames the rendered video has. */
    public int frameCount() {
        return (int) Math.round(durationSeconds * fps);
    }

    /** Renders to {@code output} (overwritten) and returns it. */
    public Path render(Path output) throws IOException {
        if (!format.available()) {
            throw new IllegalStateException("cannot render " + format + ": this FFmpeg build has no '" + format.encoder + "' encoder");
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        byte[] base = ((DataBufferByte) toBgr(background, width, height).getRaster().getDataBuffer()).getData();
        byte[][] spritePixels = sprites.stream()
                .map(s -> ((DataBufferByte) toBgr(s.image(), s.image().getWidth(), s.image().getHeight()).getRaster().getDataBuffer()).getData())
                .toArray(byte[][]::new);
        Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        byte[] canvas = new byte[base.length];
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(output.toFile(), width, height, 0)) {
            recorder.setFormat(format.container);
            recorder.setVideoCodecName(format.encoder);
            recorder.setPixelFormat(format.pixelFormat);
            recorder.setFrameRate(fps);
            recorder.setGopSize(gop);
            recorder.setVideoBitrate(bitrate);
            // One encoder thread: multi-threaded encoders may split work differently from run to run.
            recorder.setVideoOption("threads", "1");
            if (format == Format.MJPEG_AVI) {
                // Full-range yuv420p is what the deprecated yuvj420p meant; saying so keeps swscale quiet.
                recorder.setVideoOption("color_range", "pc");
            }
            if (faststart && format.container.equals("mp4")) {
                recorder.setOption("movflags", "faststart");
            }
            recorder.start();
            int frames = frameCount();
            for (int i = 0; i < frames; i++) {
                System.arraycopy(base, 0, canvas, 0, base.length);
                double t = (double) i / fps;
                for (int s = 0; s < sprites.size(); s++) {
                    Sprite sprite = sprites.get(s);
                    int[] at = sprite.positionAt(t);
                    paste(canvas, spritePixels[s], sprite.image().getWidth(), sprite.image().getHeight(), at[0], at[1]);
                }
                buffer.clear();
                buffer.put(canvas);
                buffer.flip();
                recorder.record(frame, AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("FFmpeg could not render " + output + ": " + e.getMessage(), e);
        }
        if (!modifiedAgo.isZero()) {
            Files.setLastModifiedTime(output, FileTime.from(Instant.now().minus(modifiedAgo)));
        }
        return output;
    }

    private void paste(byte[] canvas, byte[] sprite, int spriteWidth, int spriteHeight, int x, int y) {
        int x0 = Math.max(0, x);
        int x1 = Math.min(width, x + spriteWidth);
        if (x1 <= x0) {
            return;
        }
        for (int row = Math.max(0, y); row < Math.min(height, y + spriteHeight); row++) {
            System.arraycopy(sprite, ((row - y) * spriteWidth + (x0 - x)) * 3, canvas, (row * width + x0) * 3, (x1 - x0) * 3);
        }
    }

    /** {@code image} scaled (bilinear) to the given size as a TYPE_3BYTE_BGR image. */
    static BufferedImage toBgr(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Settings of a {@link FootageRenderer}; each is checked when set. */
    public static final class Builder {

        private int width = 640;
        private int height = 360;
        private int fps = 25;
        private double durationSeconds = 4;
        private Format format = Format.H264_MP4;
        private int gop;
        private int bitrate;
        private boolean faststart;
        private BufferedImage background;
        private final List<Sprite> sprites = new ArrayList<>();
        private Duration modifiedAgo = DEFAULT_MODIFIED_AGO;

        private Builder() {
        }

        /**
         * How long ago the rendered file says it was modified (default {@link #DEFAULT_MODIFIED_AGO}): rendered footage
         * is finished footage, so a job run right after rendering does not take it for a recorder's segment still being
         * written ({@code input.settleSeconds}). {@link Duration#ZERO} keeps the time it was written.
         */
        public Builder modifiedAgo(Duration age) {
            Objects.requireNonNull(age, "age must not be null");
            if (age.isNegative()) {
                throw new IllegalArgumentException("age must not be negative, was " + age);
            }
            this.modifiedAgo = age;
            return this;
        }

        /** Frame size, up to 4096x2160 (even numbers, as 4:2:0 chroma needs). */
        public Builder size(int width, int height) {
            if (width < 16 || height < 16 || width > 4096 || height > 2160 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("size must be even and within 16x16..4096x2160, was " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder fps(int fps) {
            if (fps < 1 || fps > 240) {
                throw new IllegalArgumentException("fps must be 1..240, was " + fps);
            }
            this.fps = fps;
            return this;
        }

        public Builder durationSeconds(double seconds) {
            if (!(seconds > 0) || seconds > 3600) {
                throw new IllegalArgumentException("durationSeconds must be in (0, 3600], was " + seconds);
            }
            this.durationSeconds = seconds;
            return this;
        }

        public Builder format(Format format) {
            this.format = Objects.requireNonNull(format, "format must not be null");
            return this;
        }

        /** Frames from one key frame to the next (default: one a second). */
        public Builder gop(int gop) {
            if (gop < 1) {
                throw new IllegalArgumentException("gop must be at least 1, was " + gop);
            }
            this.gop = gop;
            return this;
        }

        /** Target bits a second (default: 4 bits a pixel a frame-second, at least 500 kb/s). */
        public Builder bitrate(int bitrate) {
            if (bitrate < 10_000) {
                throw new IllegalArgumentException("bitrate must be at least 10000, was " + bitrate);
            }
            this.bitrate = bitrate;
            return this;
        }

        /** Write the mp4 index (moov atom) before the media data, as streaming servers want. */
        public Builder faststart(boolean faststart) {
            this.faststart = faststart;
            return this;
        }

        /** The still background, scaled to the frame size. */
        public Builder background(BufferedImage background) {
            this.background = Objects.requireNonNull(background, "background must not be null");
            return this;
        }

        public Builder sprite(Sprite sprite) {
            sprites.add(Objects.requireNonNull(sprite, "sprite must not be null"));
            return this;
        }

        public FootageRenderer build() {
            if (background == null) {
                throw new IllegalStateException("a background image is required");
            }
            return new FootageRenderer(this);
        }
    }
}
