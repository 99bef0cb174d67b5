package org.edgebatch.publish;

import java.util.Objects;
import java.util.Optional;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.publish.s3.S3Clients;
import org.edgebatch.publish.s3.S3Target;
import org.edgebatch.spec.PublishSpec;

/** The publisher a spec's {@code publish.target} names, by its scheme, laid out for this job repository. */
public final class Publishers {

    private final OutputLayout layout;

    public Publishers(OutputLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
    }

    /** A {@link FilePublisher} for {@code file://}, an S3 publisher for {@code s3://}, nothing for {@code none}; close it after use. */
    public Optional<Publisher> of(PublishSpec spec) {
        return switch (spec.scheme()) {
            case NONE -> Optional.empty();
            case FILE -> Optional.of(new FilePublisher(spec.folder(), layout));
            case S3 -> Optional.of(S3Clients.open(S3Target.of(spec)));
        };
    }

    /**
     * Checks that {@code spec}'s target can be published to (see {@link Publisher#check()}).
     *
     * @throws IllegalArgumentException naming the problem
     */
    public void check(PublishSpec spec) {
        of(spec).ifPresent(publisher -> {
            try (publisher) {
                publisher.check();
            }
        });
    }
}
