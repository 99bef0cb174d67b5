package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

class FfmpegLogLevelTests {

    @Test
    void ffmpegSaysOnlyFatalThingsUnlessAskedForMore() {
        assertThat(FfmpegLogLevel.level(null)).isEqualTo(avutil.AV_LOG_FATAL);
        assertThat(FfmpegLogLevel.level("warn")).isEqualTo(avutil.AV_LOG_FATAL);
        assertThat(FfmpegLogLevel.level(" INFO ")).isEqualTo(avutil.AV_LOG_WARNING);
        assertThat(FfmpegLogLevel.level("debug")).isEqualTo(avutil.AV_LOG_VERBOSE);
    }
}
