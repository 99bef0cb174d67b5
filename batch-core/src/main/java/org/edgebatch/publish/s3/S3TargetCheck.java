package org.edgebatch.publish.s3;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What is checked before a run publishes to S3: credentials must come from the SDK's default chain and the bucket
 * must exist and let them in. A store that cannot be reached now passes with a warning: the events then wait in the
 * outbox (refusing the run would lose the footage's slot, not save any event).
 */
final class S3TargetCheck {

    private static final Logger log = LoggerFactory.getLogger(S3TargetCheck.class);

    private final S3Client client;
    private final AwsCredentialsProvider credentials;
    private final S3Target target;

    S3TargetCheck(S3Client client, AwsCredentialsProvider credentials, S3Target target) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
        this.target = Objects.requireNonNull(target, "target must not be null");
    }

    /** @throws IllegalArgumentException for missing credentials, a missing bucket or a refusal */
    void run() {
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            // The SDK's message lists the providers it tried; it holds no secret.
            throw new IllegalArgumentException("publish.target " + target.describe() + ": no S3 credentials found."
                    + " Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile (AWS_PROFILE, ~/.aws/credentials) or an"
                    + " instance role; credentials are never read from the spec", e);
        }
        try {
            client.headBucket(request -> request.bucket(target.bucket()));
        } catch (S3Exception e) {
            if (!S3Errors.isTransient(e)) {
                throw new IllegalArgumentException("publish.target " + target.describe() + ": " + S3Errors.describe(e, target), e);
            }
            log.warn("publish.target {} answered {}: events will wait in the outbox until it recovers", target.describe(), e.statusCode());
        } catch (SdkClientException e) {
            log.warn("publish.target {} is unreachable now ({}): events will wait in the outbox; send them later with"
                    + " 'edgebatch publish'", target.describe(), e.getMessage());
        }
    }
}
