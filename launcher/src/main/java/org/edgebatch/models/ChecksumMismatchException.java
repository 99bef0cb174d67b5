package org.edgebatch.models;

import java.io.IOException;

/** A download whose SHA-256 is not the one its catalogue entry pins: it was refused and deleted. */
public class ChecksumMismatchException extends IOException {

    public ChecksumMismatchException(String message) {
        super(message);
    }
}
