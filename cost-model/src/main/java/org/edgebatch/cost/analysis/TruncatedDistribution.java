package org.edgebatch.cost.analysis;

import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.UncertainInput;

/**
 * An uncertain input's distribution restricted to the input's domain (a normal frame rate cannot go below zero, a
 * fraction above one): quantiles and draws come from the distribution conditioned on the domain, by inverse
 * transform, so no probability piles up on a bound.
 */
final class TruncatedDistribution {

    private final Input input;
    private final RealDistribution distribution;
    private final double lowerProbability;
    private final double mass;

    TruncatedDistribution(UncertainInput uncertain, RandomGenerator random) {
        this.input = uncertain.input();
        this.distribution = uncertain.distribution().create(random);
        this.lowerProbability = distribution.cumulativeProbability(input.min());
        this.mass = distribution.cumulativeProbability(input.max()) - lowerProbability;
        if (!(mass > 0)) {
            throw new IllegalArgumentException("the distribution of " + input.key() + " puts no probability inside its"
                    + " domain [" + input.min() + ", " + input.max() + "]");
        }
    }

    /** The value below which a share {@code p} of the truncated distribution lies. */
    double quantile(double p) {
        return input.clamp(distribution.inverseCumulativeProbability(lowerProbability + p * mass));
    }

    double sample(RandomGenerator random) {
        return quantile(random.nextDouble());
    }
}
