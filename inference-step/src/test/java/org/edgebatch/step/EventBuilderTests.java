package org.edgebatch.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.edgebatch.detect.Detection;
import org.junit.jupiter.api.Test;

class EventBuilderTests {

    private static final EventRules RULES = new EventRules(Set.of("person", "car"), 0.5, 2.0, 0.5);

    @Test
    void detectionsOfAClassCloserThanTheGapMakeOneEventWithItsBestFrame() {
        // given
        EventBuilder builder = new EventBuilder("v0", RULES);

        // when: a person every second from 0 to 4 s, best at 2 s
        for (int second = 0; second <= 4; second++) {
            builder.add(second * 10L, second * 1_000_000L, person(second == 2 ? 0.9f : 0.6f));
        }
        List<DetectedEvent> events = builder.finish();

        // then
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.label()).isEqualTo("person");
            assertThat(event.startFrame()).isEqualTo(0);
            assertThat(event.endFrame()).isEqualTo(40);
            assertThat(event.durationSeconds()).isEqualTo(4.0);
            assertThat(event.maxScore()).isEqualTo(0.9f);
            assertThat(event.bestFrame()).isEqualTo(20);
            assertThat(event.detections()).isEqualTo(5);
            assertThat(event.key()).isEqualTo("v0-person-000000");
        });
    }

    @Test
    void aGapLongerThanTheMergeGapSplitsAnEventAndAFlickerIsDropped() {
        // given
        EventBuilder builder = new EventBuilder("v0", RULES);

        // when: 0-1 s, then 3.5-5 s (a 2.5 s gap), then a single frame at 9 s
        builder.add(0, 0, person(0.8f));
        builder.add(10, 1_000_000, person(0.8f));
        builder.add(35, 3_500_000, person(0.7f));
        builder.add(50, 5_000_000, person(0.7f));
        builder.add(90, 9_000_000, person(0.99f));
        List<DetectedEvent> events = builder.finish();

        // then
        assertThat(events).extracting(DetectedEvent::startFrame, DetectedEvent::endFrame)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 10L), org.assertj.core.groups.Tuple.tuple(35L, 50L));
    }

    @Test
    void classesAreMergedApartAndDetectionsBelowTheScoreOrOfOtherClassesDoNotCount() {
        // given
        EventBuilder builder = new EventBuilder("v0", RULES);

        // when
        for (int i = 0; i <= 10; i++) {
            builder.add(i, i * 100_000L, person(0.8f));
            builder.add(i, i * 100_000L, new Detection(2, "car", 0.45f, 0, 0, 5, 5));
            builder.add(i, i * 100_000L, new Detection(16, "dog", 0.95f, 0, 0, 5, 5));
        }
        List<DetectedEvent> events = builder.finish();

        // then
        assertThat(events).extracting(DetectedEvent::label).containsExactly("person");
    }

    @Test
    void framesMustComeInOrder() {
        EventBuilder builder = new EventBuilder("v0", RULES);
        builder.add(5, 500_000, person(0.8f));

        assertThatThrownBy(() -> builder.add(4, 400_000, person(0.8f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("v0: detections must come in frame order; frame 4 after frame 5");
    }

    private static Detection person(float score) {
        return new Detection(0, "person", score, 10, 10, 50, 100);
    }
}
