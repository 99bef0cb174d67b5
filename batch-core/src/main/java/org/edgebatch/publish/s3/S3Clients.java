package org.edgebatch.publish.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/** Opens {@link S3Publisher}s: one SDK client per target, credentials from the SDK's default provider chain only. */
public final class S3Clients {

    private static final Region FALLBACK_REGION = Region.US_EAST_1;

    private S3Clients() {
    }

    public static S3Publisher open(S3Target target) {
        return open(target, DefaultCredentialsProvider.builder().build());
    }

    /** With other credentials than the default chain's: for tests, which must not set the process's environment. */
    public static S3Publisher open(S3Target target, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .credentialsProvider(credentials)
                .region(region(target))
                .forcePathStyle(target.pathStyle())
                // Content-MD5 is sent and the ETag compared by the publisher; the SDK's newer default (CRC checksums
                // in trailers) is not understood by every S3-compatible store.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)))
                // Retries are the publish step's, bounded per run with backoff and jitter, across events.
                .overrideConfiguration(config -> config.retryStrategy(DefaultRetryStrategy.doNotRetry()));
        if (target.endpoint() != null) {
            builder.endpointOverride(target.endpoint());
        }
        return new S3Publisher(builder.build(), credentials, target);
    }

    private static Region region(S3Target target) {
        if (target.region() != null) {
            return Region.of(target.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return FALLBACK_REGION;
        }
    }
}
