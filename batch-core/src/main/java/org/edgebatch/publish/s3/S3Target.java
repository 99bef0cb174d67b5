package org.edgebatch.publish.s3;

import java.net.URI;
import java.util.Objects;
import org.edgebatch.spec.PublishSpec;

/**
 * An {@code s3://bucket/prefix} publish target and how to reach its store; credentials are never part of it.
 *
 * @param endpoint  the store's endpoint, {@code null} for Amazon S3
 * @param region    the region to sign for, {@code null} for the SDK's default
 */
public record S3Target(String bucket, String prefix, URI endpoint, String region, boolean pathStyle) {

    public S3Target {
        Objects.requireNonNull(bucket, "bucket must not be null");
        Objects.requireNonNull(prefix, "prefix must not be null");
    }

    public static S3Target of(PublishSpec spec) {
        return new S3Target(spec.bucket(), spec.prefix(), spec.endpoint(), spec.region(), spec.pathStyle());
    }

    /** {@code s3://bucket/prefix}, with the endpoint when it is not Amazon S3. */
    public String describe() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + (endpoint == null ? "" : " at " + endpoint);
    }
}
