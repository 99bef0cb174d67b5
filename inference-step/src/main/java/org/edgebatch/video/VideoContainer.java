package org.edgebatch.video;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An opened video file: the FFmpeg demuxer context, its video stream and the timing facts the
 * reader, the probe and the extractor all derive the same way (frame rate, frame count, duration).
 */
final class VideoContainer implements AutoCloseable {

    /** Demuxers of real video containers; anything else FFmpeg opens (still images, text as ANSI art) is refused. */
    /** libavformat's index flag for a sample outside the edit list (not exported by the presets). */
    private static final int AVINDEX_DISCARD_FRAME = 0x0002;

    private static final Set<String> VIDEO_CONTAINERS = Set.of("mov", "matroska", "avi", "mpegts", "flv", "mpeg", "asf");

    private final Path file;
    private final long bytes;
    private AVFormatContext format;
    private final int streamIndex;
    private final AVStream stream;
    private final AVRational timeBase;
    private final AVRational micros;
    private final long startTimestamp;
    private final String container;
    private final String codec;
    private final long fpsNum;
    private final long fpsDen;
    private final long frameCount;
    private final boolean frameCountExact;
    private final long durationMicros;

    private VideoContainer(Path file) {
        this.file = file;
        this.bytes = checkReadable(file);
        AVFormatContext context = new AVFormatContext(null);
        int ret = avformat_open_input(context, file.toString(), null, null);
        if (ret < 0) {
            throw new VideoFormatException(file, diagnoseUnopenable(file, ret));
        }
        this.format = context;
        try {
            String demuxer = context.iformat().name().getString();
            String family = demuxer.split(",")[0];
            if (!VIDEO_CONTAINERS.contains(family)) {
                throw new VideoFormatException(file, "not a video container: FFmpeg reads it as '" + demuxer
                        + "' (a still image or other non-video format); expected mp4, mov, mkv, webm, avi, ts, flv, mpg or asf");
            }
            if ((ret = avformat_find_stream_info(context, (PointerPointer<?>) null)) < 0) {
                throw new VideoFormatException(file, "FFmpeg could not read the stream information of this " + family
                        + " file (" + errorText(ret) + "); it is damaged or incomplete");
            }
            this.streamIndex = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            if (streamIndex < 0) {
                throw new VideoFormatException(file, "the " + family + " file has no video stream ("
                        + context.nb_streams() + " other stream(s))");
            }
            this.stream = context.streams(streamIndex);
            var parameters = stream.codecpar();
            this.codec = avcodec_get_name(parameters.codec_id()).getString();
            if (avcodec_find_decoder(parameters.codec_id()) == null) {
                throw new VideoFormatException(file, "this FFmpeg build has no decoder for its video codec '" + codec + "'");
            }
            if (parameters.width() <= 0 || parameters.height() <= 0) {
                throw new VideoFormatException(file, "the " + codec + " video stream has no picture size; FFmpeg found no decodable frame");
            }
            this.timeBase = stream.time_base();
            this.micros = new AVRational().num(1).den(1_000_000);
            this.startTimestamp = stream.start_time() != AV_NOPTS_VALUE ? stream.start_time() : 0;
            this.container = containerName(context, family);

            long streamDuration = stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0
                    ? av_rescale_q(stream.duration(), timeBase, micros)
                    : context.duration() != AV_NOPTS_VALUE ? context.duration() * 1_000_000L / AV_TIME_BASE : 0;
            long[] rate;
            long declaredFrames = -1;
            boolean exact = false;
            if (family.equals("avi") && stream.nb_frames() > 0) {
                // An AVI stream header gives its length in time-base units (682 for 341 frames of a 1/50 base) and it
                // survives truncation, while FFmpeg guesses the duration of an index-less (cut) AVI from its size.
                streamDuration = av_rescale_q(stream.nb_frames(), timeBase, micros);
                rate = aviFrameRate(stream);
                declaredFrames = rate[0] > 0 ? Math.round(streamDuration / 1e6 * rate[0] / rate[1]) : -1;
                exact = declaredFrames > 0 && avformat_index_get_entries_count(stream) == declaredFrames;
            } else if (family.equals("mov") && stream.nb_frames() > 0) {
                declaredFrames = presentedSamples(stream);
                exact = true;
                rate = frameRate(stream, declaredFrames);
            } else {
                rate = frameRate(stream, -1);
            }
            this.durationMicros = Math.max(0, streamDuration);
            this.fpsNum = rate[0];
            this.fpsDen = rate[1];
            this.frameCountExact = exact;
            this.frameCount = declaredFrames > 0 ? declaredFrames
                    : fpsNum > 0 ? Math.round(durationMicros / 1e6 * fpsNum / fpsDen) : 0;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens {@code file}, or throws {@link VideoFormatException} naming it and what is wrong. */
    static VideoContainer open(Path file) {
        return new VideoContainer(file);
    }

    private static long checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw new VideoFormatException(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new VideoFormatException(file, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new VideoFormatException(file, "not readable (permission denied)");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new VideoFormatException(file, "empty file (0 bytes)");
            }
            return size;
        } catch (IOException e) {
            throw new VideoFormatException(file, "cannot read its size: " + e.getMessage(), e);
        }
    }

    /** Says why FFmpeg refused the file, naming the common case of an mp4 whose moov atom was never written. */
    private static String diagnoseUnopenable(Path file, int ret) {
        String ffmpeg = "FFmpeg cannot open it (" + errorText(ret) + ")";
        try {
            Boolean hasMoov = Mp4Boxes.hasTopLevelBox(file, "moov");
            if (hasMoov != null && !hasMoov) {
                return "an mp4/mov file without a moov atom (the sample index FFmpeg needs): it was truncated, or its recording"
                        + " never finished; " + ffmpeg;
            }
        } catch (IOException e) {
            // fall through to FFmpeg's own reason
        }
        return "not a readable video: " + ffmpeg;
    }

    private static String containerName(AVFormatContext context, String family) {
        if (family.equals("mov")) {
            AVDictionaryEntry brand = av_dict_get(context.metadata(), "major_brand", null, 0);
            return brand != null && brand.value().getString().trim().equals("qt") ? "mov" : "mp4";
        }
        return family;
    }

    /**
     * The average frame rate as a fraction. Where the container counts its frames, frames ÷ duration is
     * exact; FFmpeg's guesses are not always right (this AVI claims an average of 50/1 for 25-fps video,
     * and an mp4 with jittered timestamps claims an r_frame_rate of 101/4 for 10.04 fps).
     */
    private long[] frameRate(AVStream st, long declaredFrames) {
        if (declaredFrames > 0 && st.duration() != AV_NOPTS_VALUE && st.duration() > 0) {
            return reduce(declaredFrames * timeBase.den(), st.duration() * timeBase.num());
        }
        AVRational average = st.avg_frame_rate();
        if (average.num() > 0 && average.den() > 0) {
            return reduce(average.num(), average.den());
        }
        AVRational real = st.r_frame_rate();
        if (real.num() > 0 && real.den() > 0) {
            return reduce(real.num(), real.den());
        }
        return new long[] {0, 1};
    }

    /**
     * The samples of an mp4/mov that its edit list presents: a sample outside the edit list (marked
     * discard in FFmpeg's index) is decoded as a reference but never shown, so it is not a frame.
     */
    private static long presentedSamples(AVStream st) {
        int entries = avformat_index_get_entries_count(st);
        if (entries <= 0) {
            return st.nb_frames();
        }
        long presented = 0;
        for (int i = 0; i < entries; i++) {
            if ((avformat_index_get_entry(st, i).flags() & AVINDEX_DISCARD_FRAME) == 0) {
                presented++;
            }
        }
        return presented;
    }

    /** AVI is constant-rate by design (one frame per rate/scale tick); r_frame_rate is that rate. */
    private static long[] aviFrameRate(AVStream st) {
        AVRational real = st.r_frame_rate();
        if (real.num() > 0 && real.den() > 0) {
            return reduce(real.num(), real.den());
        }
        AVRational average = st.avg_frame_rate();
        return average.num() > 0 && average.den() > 0 ? reduce(average.num(), average.den()) : new long[] {0, 1};
    }

    private static long[] reduce(long num, long den) {
        long gcd = java.math.BigInteger.valueOf(num).gcd(java.math.BigInteger.valueOf(den)).longValue();
        return gcd == 0 ? new long[] {num, den} : new long[] {num / gcd, den / gcd};
    }

    static String errorText(int ret) {
        byte[] buffer = new byte[256];
        av_strerror(ret, buffer, buffer.length);
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8) + ", error " + ret;
    }

    VideoInfo info() {
        return new VideoInfo(file, container, codec, stream.codecpar().width(), stream.codecpar().height(), fps(),
                frameCount, frameCountExact, durationMicros, bytes);
    }

    Path file() {
        return file;
    }

    AVFormatContext format() {
        return format;
    }

    AVStream stream() {
        return stream;
    }

    int streamIndex() {
        return streamIndex;
    }

    String container() {
        return container;
    }

    double fps() {
        return fpsNum > 0 ? (double) fpsNum / fpsDen : 0;
    }

    long durationMicros() {
        return durationMicros;
    }

    /**
     * Whether frames are known by their decode timestamps. AVI stores no presentation timestamps (an
     * H.264 AVI with B-frames has only dts), so there a frame's identity is its packet's dts.
     */
    boolean dtsKeyed() {
        return container.equals("avi");
    }

    /** Microseconds since the start of the video for a timestamp in the stream's time base. */
    long toMicros(long streamTimestamp) {
        return av_rescale_q(streamTimestamp - startTimestamp, timeBase, micros);
    }

    /** The stream timestamp for a time in microseconds since the start of the video. */
    long toStreamTimestamp(long timeMicros) {
        return startTimestamp + av_rescale_q(timeMicros, micros, timeBase);
    }

    /** The presentation time of frame {@code index} in a constant-rate stream. */
    long indexToMicros(long index) {
        return fpsNum > 0 ? Math.round(index * 1e6 * fpsDen / fpsNum) : 0;
    }

    long frameDurationMicros() {
        return fpsNum > 0 ? Math.max(1, Math.round(1e6 * fpsDen / fpsNum)) : 40_000;
    }

    @Override
    public void close() {
        if (format != null) {
            avformat_close_input(format);
            format = null;
        }
    }

    /** A minimal walk over the top-level boxes of an ISO BMFF (mp4/mov) file, only to explain a refusal. */
    static final class Mp4Boxes {

        private Mp4Boxes() {
        }

        /** True or false for an ISO BMFF file, {@code null} when the file does not start like one. */
        static Boolean hasTopLevelBox(Path file, String type) throws IOException {
            try (SeekableByteChannel channel = Files.newByteChannel(file)) {
                long size = channel.size();
                ByteBuffer header = ByteBuffer.allocate(16);
                long position = 0;
                boolean first = true;
                while (position + 8 <= size) {
                    header.clear().limit(16);
                    channel.position(position);
                    int read = channel.read(header);
                    if (read < 8) {
                        break;
                    }
                    long boxSize = Integer.toUnsignedLong(header.getInt(0));
                    String boxType = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
                    if (first && !boxType.equals("ftyp")) {
                        return null;
                    }
                    first = false;
                    if (boxType.equals(type)) {
                        return true;
                    }
                    if (boxSize == 1 && read >= 16) {
                        boxSize = header.getLong(8);
                    } else if (boxSize == 0) {
                        boxSize = size - position;
                    }
                    if (boxSize < 8) {
                        break;
                    }
                    position += boxSize;
                }
                return first ? null : false;
            }
        }
    }
}
