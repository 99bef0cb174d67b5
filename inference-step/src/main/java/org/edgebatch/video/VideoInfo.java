package org.edgebatch.video;

import java.nio.file.Path;

/**
 * What a video file is, as its container and first packets tell: {@code frameCount} is exact when
 * {@code frameCountExact} (an mp4/mov sample table or an AVI index lists every frame), else estimated
 * from duration × fps. {@code fps} is the average rate (frames ÷ duration where the count is exact).
 */
public record VideoInfo(Path file, String container, String codec, int width, int height, double fps,
                        long frameCount, boolean frameCountExact, long durationMicros, long bytes) {

    public double durationSeconds() {
        return durationMicros / 1e6;
    }
}
