package org.edgebatch.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.edgebatch.detect.Detector;

/** The detectors of {@code edgebatch.models.<name>}, by name; closes them with the application context. */
public final class NamedDetectors implements AutoCloseable {

    private final Map<String, Detector> detectors;

    public NamedDetectors(Map<String, Detector> detectors) {
        this.detectors = Map.copyOf(detectors);
    }

    /**
     * The detector called {@code name}.
     *
     * @throws IllegalArgumentException listing the configured names when there is none by that name
     */
    public Detector get(String name) {
        Detector detector = detectors.get(name);
        if (detector == null) {
            throw new IllegalArgumentException("no detector '" + name + "' is configured; edgebatch.models has " + names());
        }
        return detector;
    }

    /** The configured names, sorted. */
    public Set<String> names() {
        return new TreeSet<>(detectors.keySet());
    }

    @Override
    public void close() {
        detectors.values().forEach(Detector::close);
    }
}
