package org.edgebatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.edgebatch.testsupport.data.SharedData;

/** The shared test images and what is in them (hand-placed boxes, in source pixels). */
final class BusScene {

    /** The bus and the four people in bus.jpg (810x1080); the fourth is cut by the left edge. */
    static final Detection BUS = box("bus", 20, 230, 805, 770);
    static final List<Detection> PEOPLE = List.of(
            box("person", 50, 395, 240, 900),
            box("person", 220, 405, 345, 860),
            box("person", 670, 375, 810, 875),
            box("person", 0, 551, 65, 875));
    /** The man on the right in zidane.jpg (1280x720). */
    static final Detection ZIDANE_RIGHT = box("person", 745, 40, 1150, 715);

    private BusScene() {
    }

    static Path model(String name) {
        return SharedData.model(name);
    }

    static BgrImage image(String name) {
        return BgrImage.of(SharedData.readImage(name));
    }

    /** The bus and at least three of the four people, each found with IoU of at least 0.5. */
    static void assertBusAndPeople(List<Detection> detections) {
        assertThat(detections).as("the bus").anyMatch(d -> matches(d, BUS));
        long people = PEOPLE.stream().filter(p -> detections.stream().anyMatch(d -> matches(d, p))).count();
        assertThat(people).as("people found of 4 in " + detections).isGreaterThanOrEqualTo(3);
    }

    static boolean matches(Detection found, Detection expected) {
        return found.label().equals(expected.label()) && found.iou(expected) >= 0.5f;
    }

    private static Detection box(String label, float x1, float y1, float x2, float y2) {
        return new Detection(label.equals("bus") ? 5 : 0, label, 1f, x1, y1, x2, y2);
    }
}
