package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.edgebatch.job.NodeProgress;
import org.edgebatch.job.Progress;
import org.junit.jupiter.api.Test;

class ProgressFormatterTests {

    private final ProgressFormatter formatter = new ProgressFormatter();

    @Test
    void aLogLineGivesFramesPercentRateTimeLeftAndPartitions() {
        // given: 1200 of 3517 frames at 41.2 frames a second: 2317 left, 56.2 s
        Progress progress = new Progress(7, "STARTED", "detect", 1200, 3517, 1, 4, 41.2);

        // when / then
        assertThat(formatter.line(progress)).isEqualTo("progress: 1200/3517 frames (34%), 41.2 fps, ETA 0:56, partitions 1/4");
    }

    @Test
    void withSeveralNodesEachNodesShareIsShown() {
        // given: node-a has read 300 of its 400 frames and finished one of two videos; node-b 0 of 100
        Progress progress = new Progress(7, "STARTED", "detect", 300, 500, 1, 3, 30, List.of(
                new NodeProgress("node-a", 300, 400, 1, 2), new NodeProgress("node-b", 0, 100, 0, 1)));
        Progress oneNode = new Progress(7, "STARTED", "detect", 300, 400, 1, 2, 30, List.of(
                new NodeProgress("local", 300, 400, 1, 2)));

        // when / then
        assertThat(formatter.line(progress)).endsWith(", partitions 1/3, nodes node-a 75% 1/2, node-b 0% 0/1");
        assertThat(formatter.bar(progress)).endsWith("  partitions 1/3  nodes node-a 75% 1/2, node-b 0% 0/1");
        assertThat(formatter.line(oneNode)).endsWith(", partitions 1/2");
    }

    @Test
    void aBarIsFilledInProportionAndNamesAStepOtherThanDetect() {
        // given
        Progress half = new Progress(7, "STARTED", "detect", 50, 100, 0, 2, 10);
        Progress events = new Progress(7, "STARTED", "events", 100, 100, 2, 2, 10);

        // when / then
        assertThat(formatter.bar(half)).isEqualTo("[############------------] 50/100 frames  50%  10.0 fps  ETA 0:05  partitions 0/2");
        assertThat(formatter.bar(events)).isEqualTo("[########################] 100/100 frames 100%  10.0 fps  ETA 0:00  partitions 2/2  step events");
        assertThat(formatter.line(events)).endsWith(", partitions 2/2, step events");
    }

    @Test
    void theTimeLeftIsUnknownUntilThereIsARateOrATotal() {
        // given
        Progress starting = new Progress(7, "STARTED", "inventory", 0, 0, 0, 0, 0);
        Progress noRate = new Progress(7, "STARTED", "detect", 0, 900, 0, 3, 0);

        // when / then
        assertThat(formatter.line(starting)).isEqualTo("progress: 0/0 frames (0%), 0.0 fps, ETA --:--, partitions 0/0, step inventory");
        assertThat(ProgressFormatter.eta(noRate)).isEqualTo("--:--");
        assertThat(formatter.bar(starting)).startsWith("[------------------------] 0/0 frames   0%");
    }

    @Test
    void clockTimesHaveMinutesAndSecondsAndHoursOnlyWhenNeeded() {
        assertThat(ProgressFormatter.clock(0)).isEqualTo("0:00");
        assertThat(ProgressFormatter.clock(57.4)).isEqualTo("0:57");
        assertThat(ProgressFormatter.clock(725)).isEqualTo("12:05");
        assertThat(ProgressFormatter.clock(3723)).isEqualTo("1:02:03");
        assertThat(ProgressFormatter.clock(Double.POSITIVE_INFINITY)).isEqualTo("--:--");
    }
}
