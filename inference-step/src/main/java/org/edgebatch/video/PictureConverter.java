package org.edgebatch.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.edgebatch.detect.BgrImage;

/**
 * Turns a decoded picture into a BGR image of the size the model wants with swscale, keeping the scaler and one
 * native buffer between frames (they depend on the geometry only); one per {@link FrameDecoder}.
 */
final class PictureConverter implements AutoCloseable {

    private final String video;
    private SwsContext scaler;
    private long scalerGeometry;
    private Arena scratchArena;
    private MemorySegment scratch;
    private AVFrame sourceFrame;
    private PointerPointer<BytePointer> source;
    private final PointerPointer<BytePointer> target = new PointerPointer<>(4);
    private final IntPointer targetStride = new IntPointer(4);

    PictureConverter(String video) {
        this.video = video;
    }

    /** Converts {@code picture} to a newly allocated (heap) BGR image of the given size, owned by the caller. */
    BgrImage convert(AVFrame picture, int width, int height) {
        if (source == null || sourceFrame != picture) {
            // AVFrame starts with its data[] plane pointers, so the frame itself is the plane array sws_scale wants.
            source = new PointerPointer<>((Pointer) picture);
            sourceFrame = picture;
        }
        int format = picture.format();
        boolean fullRange = picture.color_range() == AVCOL_RANGE_JPEG;
        // The yuvj formats are full-range yuv by another name; swscale wants the range said explicitly.
        if (format == AV_PIX_FMT_YUVJ420P || format == AV_PIX_FMT_YUVJ422P || format == AV_PIX_FMT_YUVJ444P) {
            format = format == AV_PIX_FMT_YUVJ420P ? AV_PIX_FMT_YUV420P : format == AV_PIX_FMT_YUVJ422P ? AV_PIX_FMT_YUV422P : AV_PIX_FMT_YUV444P;
            fullRange = true;
        }
        long geometry = ((long) picture.width() << 48) ^ ((long) picture.height() << 32) ^ ((long) width << 16) ^ height
                ^ ((long) format << 56) ^ (fullRange ? 1L << 62 : 0);
        if (scaler == null || geometry != scalerGeometry) {
            // Shrinking, an area average: what YOLOv5's own loader shrinks images with (cv2.INTER_AREA), free of the
            // aliasing of a 2-tap filter, and half the cost of swscale's wide bilinear filter (0.8 against 1.3 ms a
            // 1080p frame to 640x360 here, next to 1.4 ms of H.264 decoding).
            int filter = width < picture.width() || height < picture.height() ? SWS_AREA : SWS_BILINEAR;
            scaler = sws_getCachedContext(scaler, picture.width(), picture.height(), format,
                    width, height, AV_PIX_FMT_BGR24, filter, null, null, (DoublePointer) null);
            if (scaler == null) {
                throw new VideoDecodeException(video, -1, video + ": FFmpeg cannot convert pixel format " + picture.format() + " to BGR");
            }
            // Set once per context: it rebuilds swscale's tables, far too slow to do per frame.
            IntPointer coefficients = sws_getCoefficients(SWS_CS_DEFAULT);
            sws_setColorspaceDetails(scaler, coefficients, fullRange ? 1 : 0, coefficients, 1, 0, 1 << 16, 1 << 16);
            scalerGeometry = geometry;
        }
        int stride = width * 3;
        long size = (long) stride * height;
        if (scratch == null || scratch.byteSize() < size) {
            // One native buffer per decoder for swscale to write into, freed on close.
            if (scratchArena != null) {
                scratchArena.close();
            }
            scratchArena = Arena.ofShared();
            scratch = scratchArena.allocate(size, 64);
        }
        target.put(0, new BytePointer(scratch.asByteBuffer()));
        targetStride.put(0, stride);
        sws_scale(scaler, source, picture.linesize(), 0, picture.height(), target, targetStride);
        target.put(0, (BytePointer) null);
        // The frame owns a heap copy: the garbage collector frees it with the frame, and heap allocation is
        // far cheaper than a native segment per frame (an automatic arena's 6 MB allocations end in System.gc()).
        BgrImage image = BgrImage.allocate(width, height);
        MemorySegment.copy(scratch, 0, image.pixels(), 0, size);
        return image;
    }

    @Override
    public void close() {
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        target.close();
        targetStride.close();
        if (scratchArena != null) {
            scratchArena.close();
            scratchArena = null;
        }
    }
}
