package org.edgebatch.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_DISCARD;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_move_ref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.util.ArrayDeque;
import java.util.TreeSet;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.edgebatch.detect.BgrImage;

/**
 * FFmpeg's send/receive decode loop over one {@link VideoContainer}, giving every frame a stable index.
 *
 * <p>A frame's index is its position in presentation order among all video packets of the file, so it
 * does not depend on where decoding started or on which frames failed: each packet's own timestamp is
 * handed to the decoder as the picture's pts, every packet read is remembered until its picture comes
 * out, and a packet whose picture never comes out (or comes out flagged corrupt) is reported as
 * {@link Lost} at its own index. AVI has no presentation timestamps (only dts), so there indices follow
 * the decoder's output order and only errors FFmpeg returns reveal a lost frame.
 *
 * <p>JavaCV's {@code FFmpegFrameGrabber} is not used for this because it ignores decode errors (a
 * frame then silently vanishes and shifts every later index) and treats any read error as the end of
 * the file, which hides truncation.
 *
 * <p>Its size has a reason: demuxing, the send/receive loop, the bookkeeping of packets awaiting their
 * pictures (what makes indices stable and losses visible) and seeking by anchor all read and reset the
 * same state, so split apart they would hand that state back and forth; converting pictures to BGR,
 * which shares none of it, is {@link PictureConverter}.
 */
final class FrameDecoder implements AutoCloseable {

    private static final int AV_FRAME_FLAG_CORRUPT = 1;
    private static final int AV_FRAME_FLAG_KEY = 1 << 1;

    /** What {@link #next()} hands out. */
    sealed interface Item permits Picture, Lost, Failure {
    }

    /** A decoded picture, held by the decoder until the next call of {@link #next()}. */
    record Picture(long index, long timestampMicros, long streamTimestamp, boolean keyFrame, int width, int height)
            implements Item {
    }

    /** A frame of the file that has an index but no picture. */
    record Lost(long index, long timestampMicros, String reason) implements Item {
    }

    /** The end of the readable data when it is not a clean end of file. */
    record Failure(VideoDecodeException exception) implements Item {
    }

    /** A frame already returned by an earlier run: its index and both forms of its timestamp. */
    record Anchor(long index, long timestampMicros, long streamTimestamp) {
    }

    enum SeekResult { FOUND, NEEDS_START }

    private enum Pump { PICTURE, ERROR, DRAINED }

    private final VideoContainer container;
    private final String video;
    private final boolean keyFramesOnly;
    private final boolean dtsKeyed;
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame picture;
    private final PictureConverter converter;

    private final ArrayDeque<AVPacket> toSend = new ArrayDeque<>();
    private final TreeSet<Long> unresolved = new TreeSet<>();
    private final TreeSet<Long> incomplete = new TreeSet<>();
    private final ArrayDeque<Item> ready = new ArrayDeque<>();
    private boolean demuxEnded;
    private boolean flushSent;
    private boolean ended;
    private int readError;
    private int decodeError;
    private long lastDemuxedDts = Long.MIN_VALUE;
    private long dataEndMicros = -1;
    private long syntheticKey = Long.MIN_VALUE;

    private long nextIndex;
    private long anchorKey = Long.MIN_VALUE;

    private long packetsRead;
    private long picturesDecoded;
    private long framesLost;

    FrameDecoder(VideoContainer container, String video, boolean keyFramesOnly, int threads) {
        this.container = container;
        this.video = video;
        this.keyFramesOnly = keyFramesOnly;
        this.dtsKeyed = container.dtsKeyed();
        this.converter = new PictureConverter(video);
        var parameters = container.stream().codecpar();
        var decoder = avcodec_find_decoder(parameters.codec_id());
        codec = avcodec_alloc_context3(decoder);
        if (codec == null || avcodec_parameters_to_context(codec, parameters) < 0) {
            close();
            throw new VideoFormatException(container.file(), "could not set up the " + decoder.name().getString() + " decoder");
        }
        codec.pkt_timebase(container.stream().time_base());
        codec.thread_count(threads);
        int ret = avcodec_open2(codec, decoder, (AVDictionary) null);
        if (ret < 0) {
            close();
            throw new VideoFormatException(container.file(), "FFmpeg could not open its " + decoder.name().getString()
                    + " decoder (" + VideoContainer.errorText(ret) + ")");
        }
        packet = av_packet_alloc();
        picture = av_frame_alloc();
    }

    /**
     * The next item in index order, or {@code null} after the last one. A {@link Picture} stays valid
     * (for {@link #toImage}) until the next call.
     */
    Item next() {
        while (true) {
            if (!ready.isEmpty()) {
                return ready.poll();
            }
            if (ended) {
                return null;
            }
            av_frame_unref(picture);
            switch (pump()) {
                case PICTURE -> onPicture();
                case ERROR -> onDecodeError();
                case DRAINED -> finish();
            }
        }
    }

    /**
     * Positions the decoder on the frame of {@code anchor} (found by its timestamp), so that the next
     * item is the frame after it, or the anchor itself when {@code inclusive}. FFmpeg seeks to the key
     * frame before the anchor; decoding forward from there reproduces the same pictures.
     * Returns {@link SeekResult#NEEDS_START} when no seek lands early enough, and the caller should
     * read from the start of a freshly opened file instead.
     */
    SeekResult seekTo(Anchor anchor, boolean inclusive) {
        long anchorMicros = dtsKeyed ? container.toMicros(anchor.streamTimestamp()) : anchor.timestampMicros();
        long backoff = 0;
        while (anchorMicros - backoff > 0) {
            long target = container.toStreamTimestamp(anchorMicros - backoff);
            if (av_seek_frame(container.format(), container.streamIndex(), target, AVSEEK_FLAG_BACKWARD) >= 0) {
                resetAfterSeek();
                if (skipTo(anchor, inclusive)) {
                    return SeekResult.FOUND;
                }
            }
            backoff = backoff == 0 ? 1_000_000 : backoff * 2;
        }
        return SeekResult.NEEDS_START;
    }

    /**
     * Seeks to the key frame at or before {@code timeMicros} without knowing its index: timestamps stay
     * right, indices count from 0 again (for tools that only need time, like the clip writer).
     * Returns false where that cannot work (AVI, whose times come from indices) or the seek fails.
     */
    boolean seekBefore(long timeMicros) {
        if (dtsKeyed || av_seek_frame(container.format(), container.streamIndex(),
                container.toStreamTimestamp(timeMicros), AVSEEK_FLAG_BACKWARD) < 0) {
            return false;
        }
        resetAfterSeek();
        nextIndex = 0;
        return true;
    }

    /** Decodes from the current position, discarding pictures, until the anchor frame; false when it is passed or missing. */
    boolean skipTo(Anchor anchor, boolean inclusive) {
        while (true) {
            av_frame_unref(picture);
            Pump result = pump();
            if (result == Pump.DRAINED) {
                return false;
            }
            if (result == Pump.ERROR) {
                continue;
            }
            long key = pictureKey();
            boolean match = dtsKeyed ? key == anchor.streamTimestamp() : container.toMicros(key) == anchor.timestampMicros();
            if (match) {
                anchorKey = key;
                unresolved.headSet(key, true).clear();
                nextIndex = anchor.index();
                if (inclusive) {
                    emit(key, isCorrupt());
                } else {
                    nextIndex++;
                }
                return true;
            }
            if (!dtsKeyed && container.toMicros(key) > anchor.timestampMicros()) {
                return false;
            }
        }
    }

    private void resetAfterSeek() {
        avcodec_flush_buffers(codec);
        av_frame_unref(picture);
        freeQueuedPackets();
        unresolved.clear();
        incomplete.clear();
        ready.clear();
        demuxEnded = false;
        flushSent = false;
        ended = false;
        readError = 0;
        lastDemuxedDts = Long.MIN_VALUE;
        anchorKey = Long.MIN_VALUE;
    }

    /** Converts the current picture to a newly allocated (heap) BGR image of the given size, owned by the caller. */
    BgrImage toImage(int width, int height) {
        return converter.convert(picture, width, height);
    }

    private Pump pump() {
        while (true) {
            int ret = avcodec_receive_frame(codec, picture);
            if (ret >= 0) {
                picturesDecoded++;
                return Pump.PICTURE;
            }
            if (ret == AVERROR_EOF) {
                return Pump.DRAINED;
            }
            if (ret != AVERROR_EAGAIN()) {
                decodeError = ret;
                return Pump.ERROR;
            }
            if (!toSend.isEmpty()) {
                int sent = avcodec_send_packet(codec, toSend.peek());
                if (sent == AVERROR_EAGAIN()) {
                    // The API promises receive and send are never both EAGAIN; looping here would hang.
                    throw new IllegalStateException(video + ": FFmpeg's decoder accepts neither input nor gives output");
                }
                av_packet_free(toSend.poll());
                if (sent < 0) {
                    decodeError = sent;
                    return Pump.ERROR;
                }
            } else if (!demuxEnded) {
                demux();
            } else if (!flushSent) {
                avcodec_send_packet(codec, null);
                flushSent = true;
            } else {
                return Pump.DRAINED;
            }
        }
    }

    /** Reads one packet; video packets are remembered by key and queued for the decoder. */
    private void demux() {
        int ret = av_read_frame(container.format(), packet);
        if (ret < 0) {
            demuxEnded = true;
            if (ret != AVERROR_EOF) {
                readError = ret;
            }
            return;
        }
        if (packet.stream_index() != container.streamIndex()) {
            av_packet_unref(packet);
            return;
        }
        packetsRead++;
        long key = packetKey();
        long last = Math.max(packet.pts() != AV_NOPTS_VALUE ? packet.pts() : key, packet.dts() != AV_NOPTS_VALUE ? packet.dts() : key);
        dataEndMicros = Math.max(dataEndMicros, container.toMicros(last + Math.max(0, packet.duration())));
        lastDemuxedDts = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : key;
        // A packet the container marks discard (outside an mp4 edit list) is decoded as a reference but is no frame.
        boolean presented = (packet.flags() & AV_PKT_FLAG_DISCARD) == 0;
        if (presented && tracksPackets() && key > anchorKey) {
            unresolved.add(key);
        }
        if ((packet.flags() & AV_PKT_FLAG_CORRUPT) != 0) {
            // The demuxer could read only part of this packet (a cut file); whatever the decoder makes of it is not the frame.
            incomplete.add(key);
        }
        if (keyFramesOnly && (packet.flags() & AV_PKT_FLAG_KEY) == 0) {
            av_packet_unref(packet);
            return;
        }
        // The decoder carries pts from a packet to its picture through any reordering: it names the picture.
        packet.pts(key);
        AVPacket queued = av_packet_alloc();
        av_packet_move_ref(queued, packet);
        toSend.add(queued);
    }

    private long packetKey() {
        long key = dtsKeyed ? packet.dts() : packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        if (key == AV_NOPTS_VALUE) {
            key = syntheticKey == Long.MIN_VALUE ? 0 : syntheticKey + 1;
        }
        syntheticKey = key;
        return key;
    }

    /** Whether indices come from the set of packet keys (all but a full decode of an AVI). */
    private boolean tracksPackets() {
        return !dtsKeyed || keyFramesOnly;
    }

    private long pictureKey() {
        return picture.pts() != AV_NOPTS_VALUE ? picture.pts() : picture.best_effort_timestamp();
    }

    private boolean isCorrupt() {
        return (picture.flags() & AV_FRAME_FLAG_CORRUPT) != 0 || picture.decode_error_flags() != 0;
    }

    private void onPicture() {
        long key = pictureKey();
        if (!tracksPackets()) {
            emit(key, isCorrupt());
            return;
        }
        // Every packet presented before this picture must have been read before its index is known.
        while (!demuxEnded && lastDemuxedDts <= key) {
            demux();
        }
        if (!unresolved.contains(key)) {
            return;
        }
        for (long missing : unresolved.headSet(key, false)) {
            resolveWithoutPicture(missing);
        }
        unresolved.headSet(key, true).clear();
        emit(key, isCorrupt());
    }

    private void resolveWithoutPicture(long key) {
        long index = nextIndex++;
        if (!keyFramesOnly) {
            framesLost++;
            String reason = decodeError != 0
                    ? "the decoder returned no picture for it (last FFmpeg error: " + VideoContainer.errorText(decodeError) + ")"
                    : "the decoder returned no picture for it (no key frame before it, or its data is damaged)";
            ready.add(new Lost(index, timestampOf(key, index), reason));
        }
    }

    private void emit(long key, boolean corrupt) {
        long index = nextIndex++;
        long timestamp = timestampOf(key, index);
        if (incomplete.remove(key)) {
            framesLost++;
            ready.add(new Lost(index, timestamp, "its data is incomplete (FFmpeg read only part of the packet)"));
        } else if (corrupt) {
            framesLost++;
            ready.add(new Lost(index, timestamp, "FFmpeg decoded it only with errors (flagged corrupt)"));
        } else {
            ready.add(new Picture(index, timestamp, key, (picture.flags() & AV_FRAME_FLAG_KEY) != 0,
                    picture.width(), picture.height()));
        }
    }

    private long timestampOf(long key, long index) {
        return dtsKeyed ? container.indexToMicros(index) : container.toMicros(key);
    }

    private void onDecodeError() {
        if (!tracksPackets()) {
            long index = nextIndex++;
            framesLost++;
            ready.add(new Lost(index, timestampOf(0, index), "FFmpeg: " + VideoContainer.errorText(decodeError)));
        }
    }

    private void finish() {
        ended = true;
        for (long missing : unresolved) {
            resolveWithoutPicture(missing);
        }
        unresolved.clear();
        long declared = container.durationMicros();
        long dataEnd = Math.max(0, dataEndMicros);
        long tolerance = Math.max(3 * container.frameDurationMicros(), declared / 50);
        if (declared > 0 && declared - dataEnd > tolerance) {
            String how = readError != 0
                    ? "FFmpeg stopped reading with: " + VideoContainer.errorText(readError)
                    : "FFmpeg reported it as an ordinary end of file";
            ready.add(new Failure(new TruncatedVideoException(container.file(), nextIndex - 1, dataEnd, declared, how)));
        } else if (readError != 0) {
            ready.add(new Failure(new VideoDecodeException(container.file().toString(), nextIndex - 1, container.file()
                    + ": FFmpeg could not read past " + String.format(java.util.Locale.ROOT, "%.3f s", dataEndMicros / 1e6)
                    + " (after frame " + (nextIndex - 1) + "): " + VideoContainer.errorText(readError))));
        }
    }

    long packetsRead() {
        return packetsRead;
    }

    long picturesDecoded() {
        return picturesDecoded;
    }

    long framesLost() {
        return framesLost;
    }

    private void freeQueuedPackets() {
        AVPacket queued;
        while ((queued = toSend.poll()) != null) {
            av_packet_free(queued);
        }
    }

    @Override
    public void close() {
        freeQueuedPackets();
        converter.close();
        if (picture != null) {
            av_frame_free(picture);
            picture = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
    }
}
