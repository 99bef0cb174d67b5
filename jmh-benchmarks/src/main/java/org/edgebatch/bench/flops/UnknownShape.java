package org.edgebatch.bench.flops;

/** A shape the walk cannot know (data-dependent, or an operator it does not cover). */
final class UnknownShape extends Exception {

    UnknownShape() {
        super(null, null, false, false); // control flow, not an error: no stack trace
    }
}
