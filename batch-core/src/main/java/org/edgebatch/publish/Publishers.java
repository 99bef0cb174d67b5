package org.edgebatch.publish;

import java.util.Objects;
import java.util.Optional;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.spec.PublishSpec;

/** The publisher a spec's {@code publish.target} names, laid out for this job repository. */
public final class Publishers {

    private final OutputLayout layout;

    public Publishers(OutputLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
    }

    /**
     * A {@link FilePublisher} for {@code file://}, nothing for {@code none}.
     *
     * @throws IllegalArgumentException for a target this build cannot publish to yet ({@code s3://}), naming it
     */
    public Optional<Publisher> of(PublishSpec spec) {
        return switch (spec.scheme()) {
            case NONE -> Optional.empty();
            case FILE -> Optional.of(new FilePublisher(spec.folder(), layout));
            case S3 -> throw new IllegalArgumentException("publish.target " + spec.target()
                    + ": publishing to S3 is not available in this version; use file:///<folder> or none");
        };
    }
}
