package org.edgebatch.cost;

import java.util.Objects;

/** An input the Monte Carlo run and the tornado sensitivity vary, with its distribution. */
public record UncertainInput(Input input, InputDistribution distribution) {

    public UncertainInput {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(distribution, "distribution");
    }
}
