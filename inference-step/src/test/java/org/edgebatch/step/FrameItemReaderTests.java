package org.edgebatch.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.edgebatch.testsupport.data.SharedData;
import org.edgebatch.video.FootageRenderer;
import org.edgebatch.video.FrameReader;
import org.edgebatch.video.TruncatedVideoException;
import org.edgebatch.video.UndecodableFrameException;
import org.edgebatch.video.VideoFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.NonTransientResourceException;

/** The frame reader in a step: its position in the ExecutionContext under the keys it has always used, Spring Batch's exceptions. */
class FrameItemReaderTests {

    private static final Path PETS = SharedData.video("pets2009_vtest_480x360.mp4");
    private static final Path STREET = SharedData.video("street_cars_640x360.mp4");

    @TempDir
    Path dir;

    private static FrameItemReader reader(Path video, String videoId) {
        return new FrameItemReader(FrameReader.builder(video).videoId(videoId).maxWidth(96).build());
    }

    @Test
    void savesTheLastReturnedFrameUnderTheReadersKeys() {
        // given
        FrameItemReader reader = new FrameItemReader(FrameReader.builder(PETS).videoId("cam-1").maxWidth(96).build(), "reader");
        ExecutionContext context = new ExecutionContext();
        reader.open(new ExecutionContext());
        try {
            reader.read();
            reader.read();
            VideoFrame third = reader.read();

            // when
            reader.update(context);

            // then
            assertThat(context.getLong("reader.frameIndex")).isEqualTo(2);
            assertThat(context.getLong("reader.timestampMicros")).isEqualTo(third.timestampMicros());
            assertThat(context.getLong("reader.lastConsumedIndex")).isEqualTo(2);
            assertThat(context.getString("reader.video")).isEqualTo("cam-1");
            assertThat(context.containsKey("reader.streamTimestamp")).isTrue();
        } finally {
            reader.close();
        }
    }

    @Test
    void beforeTheFirstFrameNothingIsSaved() {
        // given
        FrameItemReader reader = reader(PETS, "v0");
        ExecutionContext context = new ExecutionContext();
        reader.open(new ExecutionContext());

        // when
        reader.update(context);
        reader.close();

        // then
        assertThat(context.isEmpty()).isTrue();
    }

    @Test
    void resumesFromAContextSavedUnderTheDefaultKeys() {
        // given: the keys an execution of an earlier version saved after frame 41 (its time and the stream's own)
        ExecutionContext straight = new ExecutionContext();
        VideoFrame expected;
        FrameItemReader first = reader(PETS, "v0");
        first.open(new ExecutionContext());
        try {
            for (int i = 0; i < 42; i++) {
                first.read();
            }
            first.update(straight);
            expected = first.read();
        } finally {
            first.close();
        }
        ExecutionContext saved = new ExecutionContext();
        saved.putString("frameReader.video", "v0");
        saved.putLong("frameReader.frameIndex", 41);
        saved.putLong("frameReader.timestampMicros", straight.getLong("frameReader.timestampMicros"));
        saved.putLong("frameReader.streamTimestamp", straight.getLong("frameReader.streamTimestamp"));
        saved.putLong("frameReader.lastConsumedIndex", 41);

        // when
        FrameItemReader restarted = reader(PETS, "v0");
        restarted.open(saved);
        VideoFrame next;
        try {
            next = restarted.read();
        } finally {
            restarted.close();
        }

        // then
        assertThat(straight.getLong("frameReader.frameIndex")).isEqualTo(41);
        assertThat(next.index()).isEqualTo(42).isEqualTo(expected.index());
        assertThat(next.timestampMicros()).isEqualTo(expected.timestampMicros());
    }

    @Test
    void refusesAPositionSavedForAnotherVideo() {
        // given
        ExecutionContext context = new ExecutionContext();
        context.putString("frameReader.video", "other.mp4");
        context.putLong("frameReader.frameIndex", 3);
        context.putLong("frameReader.timestampMicros", 120_000);
        context.putLong("frameReader.streamTimestamp", 3);
        FrameItemReader reader = reader(PETS, "this.mp4");

        // when / then
        assertThatThrownBy(() -> reader.open(context)).isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("other.mp4").hasMessageContaining("this.mp4").hasMessageContaining("frameReader.video");
    }

    @Test
    void anUndecodableFrameIsASkippableParseExceptionAndItsIndexIsSaved() {
        // given: the street clip's first 19 frames come before any key frame
        FrameItemReader reader = reader(STREET, "street");
        ExecutionContext context = new ExecutionContext();
        reader.open(new ExecutionContext());
        try {
            // when / then
            assertThatThrownBy(reader::read).isInstanceOfSatisfying(FrameParseException.class, e -> {
                assertThat(e.frameIndex()).isZero();
                assertThat(e.getCause()).isInstanceOf(UndecodableFrameException.class);
                assertThat(e.getMessage()).isEqualTo(e.getCause().getMessage()).startsWith("street: frame 0 at 0.000 s");
            });
            reader.update(context);
            assertThat(context.getLong("frameReader.lastConsumedIndex")).isZero();
            assertThat(context.containsKey("frameReader.frameIndex")).isFalse();
        } finally {
            reader.close();
        }
    }

    @Test
    void aTruncatedFileIsANonTransientResourceExceptionWithTheVideosMessage() throws IOException {
        // given: a faststart mp4 (its index first) cut in half
        Path whole = FootageRenderer.builder().size(160, 90).fps(25).durationSeconds(4).gop(25).faststart(true)
                .background(SharedData.readImage("bus.jpg")).build().render(dir.resolve("whole.mp4"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        FrameItemReader reader = reader(cut, "cut");
        reader.open(new ExecutionContext());

        // when
        Throwable failure = null;
        try {
            while (failure == null) {
                try {
                    if (reader.read() == null) {
                        break;
                    }
                } catch (FrameParseException e) {
                    // the last, partly present frame
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        } finally {
            reader.close();
        }

        // then
        assertThat(failure).isInstanceOf(NonTransientResourceException.class)
                .hasCauseInstanceOf(TruncatedVideoException.class)
                .hasMessageStartingWith(cut + ": truncated: the video data ends at ");
        assertThat(failure.getMessage()).isEqualTo(failure.getCause().getMessage());
    }
}
