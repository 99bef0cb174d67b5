package org.edgebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureMessagesTests {

    @Test
    void theDeepestCauseOfAStoredStackTraceIsWhatAPersonReads() {
        String description = """
                org.springframework.batch.core.step.FatalStepExecutionException: Unable to process chunk
                \tat org.springframework.batch.core.step.item.ChunkOrientedStep.processChunkSequentially(ChunkOrientedStep.java:320)
                Caused by: org.springframework.batch.core.step.skip.NonSkippableReadException: Skip policy rejected skipping item
                \t... 12 more
                Caused by: org.edgebatch.video.TruncatedVideoException: /videos/a.mp4: truncated: the video data ends at 1.900 s
                \tat org.edgebatch.video.FrameReader.read(FrameReader.java:150)
                """;

        assertThat(FailureMessages.rootMessage(description)).isEqualTo("/videos/a.mp4: truncated: the video data ends at 1.900 s");
    }

    @Test
    void aDescriptionWithoutStackTraceIsKeptAndNothingStaysNothing() {
        assertThat(FailureMessages.rootMessage("java.lang.IllegalStateException: boom")).isEqualTo("boom");
        assertThat(FailureMessages.rootMessage("the partition timed out")).isEqualTo("the partition timed out");
        assertThat(FailureMessages.rootMessage(null)).isEmpty();
    }
}
