package org.edgebatch.publish.s3;

import org.edgebatch.publish.RetryablePublishException;

/** Compares the ETag a store acknowledged with the MD5 that was sent. */
final class ETags {

    private ETags() {
    }

    /** @throws RetryablePublishException when they differ: the store kept other bytes than were sent, so send again */
    static void requireMatch(String eTag, String expected, String key) {
        String bare = eTag == null ? "" : eTag.replace("\"", "");
        if (!bare.equalsIgnoreCase(expected)) {
            throw new RetryablePublishException("the store acknowledged " + key + " with ETag " + eTag + ", not the MD5 "
                    + expected + " of what was sent", null);
        }
    }
}
