package org.edgebatch.publish;

import java.util.Optional;
import org.edgebatch.spec.PublishSpec;

/** The publisher a spec's {@code publish.target} names. */
public final class Publishers {

    private Publishers() {
    }

    /**
     * A {@link FilePublisher} for {@code file://}, nothing for {@code none}.
     *
     * @throws IllegalArgumentException for a target this build cannot publish to yet ({@code s3://}), naming it
     */
    public static Optional<Publisher> of(PublishSpec spec) {
        return switch (spec.scheme()) {
            case NONE -> Optional.empty();
            case FILE -> Optional.of(new FilePublisher(spec.folder()));
            case S3 -> throw new IllegalArgumentException("publish.target " + spec.target()
                    + ": publishing to S3 is not available in this version; use file:///<folder> or none");
        };
    }
}
