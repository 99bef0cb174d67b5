package org.edgebatch.publish.s3;

import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads an S3 error answer: what it means for the operator, and whether sending again later may succeed. */
final class S3Errors {

    private S3Errors() {
    }

    /** Server errors, throttling, timeouts and a body the store found corrupt pass with time; the rest needs a person. */
    static boolean isTransient(S3Exception e) {
        int status = e.statusCode();
        String code = code(e);
        return status >= 500 || status == 429 || status == 408 || "BadDigest".equals(code) || "RequestTimeout".equals(code);
    }

    static String describe(S3Exception e, S3Target target) {
        String code = code(e);
        return switch (e.statusCode()) {
            case 404 -> "NoSuchBucket".equals(code) || code == null
                    ? "the bucket '" + target.bucket() + "' does not exist" + at(target)
                    : code + ": " + message(e);
            case 403 -> "access denied to bucket '" + target.bucket() + "'" + at(target) + " (" + (code == null ? "403" : code)
                    + "): check the credentials of the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
                    + " AWS_PROFILE, instance role) and the bucket's policy";
            case 400 -> code + ": " + message(e) + at(target);
            default -> "the store answered " + e.statusCode() + (code == null ? "" : " " + code) + ": " + message(e);
        };
    }

    private static String at(S3Target target) {
        return target.endpoint() == null ? "" : " at " + target.endpoint();
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String message(S3Exception e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : String.valueOf(e.getMessage());
    }
}
