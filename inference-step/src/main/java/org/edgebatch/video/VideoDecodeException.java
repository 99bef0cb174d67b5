package org.edgebatch.video;

/**
 * Reading a video's frames failed. Unchecked, and its message names the video and, where one is concerned, the frame.
 *
 * <p>Two kinds: an {@link UndecodableFrameException} loses one frame only, and {@link FrameReader#read} may be called
 * again to go on after it; any other {@code VideoDecodeException} (a {@link TruncatedVideoException}, a read error
 * in the middle of the file, a saved position that cannot be found again) ends the reading of that file. None is
 * transient: reading the same bytes again fails the same way.
 */
public class VideoDecodeException extends RuntimeException {

    private final String video;
    private final long frameIndex;

    /**
     * @param video      the video's id or file, as the reader names it
     * @param frameIndex the frame concerned, or -1 when the failure is not tied to one
     * @param message    the whole message, starting with the video
     */
    public VideoDecodeException(String video, long frameIndex, String message) {
        super(message);
        this.video = video;
        this.frameIndex = frameIndex;
    }

    /** The video's id or file, as the reader names it. */
    public String video() {
        return video;
    }

    /** The frame concerned (for a fatal error, the last one read before it), or -1 when there is none. */
    public long frameIndex() {
        return frameIndex;
    }
}
