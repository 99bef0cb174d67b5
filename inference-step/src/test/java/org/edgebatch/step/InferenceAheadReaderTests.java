package org.edgebatch.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.ort.OrtRuntimeExtension;
import org.edgebatch.testsupport.data.SharedData;
import org.edgebatch.video.UndecodableFrameException;
import org.edgebatch.video.VideoFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Inference started at read time on two threads, four frames ahead, with a real model; order and restart state kept. */
@ExtendWith(OrtRuntimeExtension.class)
class InferenceAheadReaderTests {

    private static Detector detector;
    private static BgrImage bus;
    private static ExecutorService threads;

    @BeforeAll
    static void open(OrtRuntime runtime) throws Exception {
        detector = Detector.open(runtime, DetectorConfig.of(SharedData.fastModel()).withIntraOpThreads(1));
        bus = BgrImage.of(SharedData.readImage("bus.jpg"));
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void close() {
        threads.shutdown();
        detector.close();
    }

    /** Frames 0..n-1 of the bus picture, every third one stopped by the gate, frame {@code broken} undecodable. */
    private static final class Frames implements ItemStreamReader<GatedFrame> {
        private final int count;
        private final long broken;
        private int next;

        Frames(int count, long broken) {
            this.count = count;
            this.broken = broken;
        }

        @Override
        public GatedFrame read() {
            if (next >= count) {
                return null;
            }
            int index = next++;
            if (index == broken) {
                throw new FrameParseException(new UndecodableFrameException("v", index, index * 40_000L, "test"));
            }
            return new GatedFrame(new VideoFrame("v", index, index * 40_000L, false, bus, bus.width(), bus.height()), index % 3 != 2);
        }

        @Override
        public void update(ExecutionContext context) {
            context.putLong("frames.read", next);
        }
    }

    @Test
    void framesComeOutInOrderWithTheirOwnDetectionsAndTheStateOfTheLastHandedOut() throws Exception {
        InferenceAheadReader reader = new InferenceAheadReader(new Frames(12, -1), detector, threads, 4);
        reader.open(new ExecutionContext());
        DetectProcessor processor = new DetectProcessor();

        PendingFrame first = reader.read();
        ExecutionContext afterFirst = new ExecutionContext();
        reader.update(afterFirst);
        List<FrameDetections> rows = new ArrayList<>(List.of(processor.process(first)));
        for (PendingFrame frame = reader.read(); frame != null; frame = reader.read()) {
            rows.add(processor.process(frame));
        }
        ExecutionContext atEnd = new ExecutionContext();
        reader.update(atEnd);
        reader.close();

        // read four ahead, but saved as of the one handed out: a restart resumes right after it
        assertThat(afterFirst.getLong("frames.read")).isEqualTo(1);
        assertThat(atEnd.getLong("frames.read")).isEqualTo(12);
        assertThat(rows).extracting(FrameDetections::frameIndex).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(rows).extracting(FrameDetections::inferred)
                .containsExactly(true, true, false, true, true, false, true, true, false, true, true, false);
        // the same picture each time: every inferred frame finds the same boxes, the gated ones none
        List<?> reference = detector.detect(bus).detections();
        assertThat(reference).isNotEmpty();
        rows.stream().filter(FrameDetections::inferred).forEach(row -> assertThat(row.detections()).isEqualTo(reference));
        rows.stream().filter(row -> !row.inferred()).forEach(row -> assertThat(row.detections()).isEmpty());
    }

    @Test
    void anUndecodableFrameIsThrownInItsPlaceAndReadingGoesOn() throws Exception {
        InferenceAheadReader reader = new InferenceAheadReader(new Frames(6, 2), detector, threads, 4);
        reader.open(new ExecutionContext());

        assertThat(reader.read().frame().frame().index()).isZero();
        assertThat(reader.read().frame().frame().index()).isEqualTo(1);
        assertThatThrownBy(reader::read).isInstanceOf(FrameParseException.class);
        ExecutionContext afterFailure = new ExecutionContext();
        reader.update(afterFailure);
        assertThat(afterFailure.getLong("frames.read")).isEqualTo(3);
        assertThat(reader.read().frame().frame().index()).isEqualTo(3);
        assertThat(reader.read().frame().frame().index()).isEqualTo(4);
        assertThat(reader.read().frame().frame().index()).isEqualTo(5);
        assertThat(reader.read()).isNull();
        reader.close();
    }
}
