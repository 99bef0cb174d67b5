package org.edgebatch.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;

/** Finds an {@link OutputDecoder} by name: a built-in {@link OutputLayout}, else one registered through the SPI. */
public final class OutputDecoders {

    private OutputDecoders() {
    }

    /**
     * The decoder called {@code name}: {@code yolov5}, {@code yolov8}, {@code yolo11}, {@code yolox}, or the
     * {@link OutputDecoder#name()} of a decoder listed in {@code META-INF/services} of {@code classLoader}.
     *
     * @throws IllegalArgumentException naming every decoder known when none has that name
     */
    public static OutputDecoder byName(String name, ClassLoader classLoader) {
        Objects.requireNonNull(name, "name must not be null");
        List<String> known = new ArrayList<>(List.of("yolov5", "yolov8", "yolo11", "yolox"));
        for (OutputDecoder decoder : ServiceLoader.load(OutputDecoder.class, classLoader)) {
            if (decoder.name().equalsIgnoreCase(name.trim())) {
                return decoder;
            }
            known.add(decoder.name().toLowerCase(Locale.ROOT));
        }
        try {
            return OutputLayout.byName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown output layout '" + name + "'; known: " + String.join(", ", known)
                    + " (a decoder of your own is found through META-INF/services/" + OutputDecoder.class.getName() + ")", e);
        }
    }

    /** {@link #byName(String, ClassLoader)} with the thread's context class loader. */
    public static OutputDecoder byName(String name) {
        return byName(name, Thread.currentThread().getContextClassLoader());
    }
}
