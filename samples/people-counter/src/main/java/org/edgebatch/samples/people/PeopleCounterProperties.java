package org.edgebatch.samples.people;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample's settings.
 *
 * @param footage      a folder of videos, one camera per file (searched recursively)
 * @param output       where {@code people-per-hour.csv}, {@code people-per-hour.png} and the events go
 * @param everyNthFrame read every nth frame (default 1: every frame)
 * @param chunkSize    frames per transaction (default 16)
 */
@ConfigurationProperties("people-counter")
public record PeopleCounterProperties(Path footage, @DefaultValue("people-counter") Path output,
                                      @DefaultValue("1") int everyNthFrame, @DefaultValue("16") int chunkSize) {

    public PeopleCounterProperties {
        if (footage == null) {
            throw new IllegalArgumentException("people-counter.footage must name a folder of videos");
        }
        if (everyNthFrame < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("people-counter.every-nth-frame and chunk-size must be at least 1, were "
                    + everyNthFrame + " and " + chunkSize);
        }
    }
}
