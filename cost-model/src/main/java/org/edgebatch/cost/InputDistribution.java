package org.edgebatch.cost;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/** How an uncertain input is spread, as a scenario file states it; turned into a Commons Math distribution. */
public sealed interface InputDistribution {

    /** A distribution drawing from {@code random}. */
    RealDistribution create(RandomGenerator random);

    /** Equally likely anywhere in [min, max]. */
    record Uniform(double min, double max) implements InputDistribution {
        public Uniform {
            if (!(min < max)) {
                throw new IllegalArgumentException("min must be below max, were " + min + " and " + max);
            }
        }

        @Override
        public RealDistribution create(RandomGenerator random) {
            return new UniformRealDistribution(random, min, max);
        }
    }

    /** Most likely at {@code mode}, never outside [min, max]. */
    record Triangular(double min, double mode, double max) implements InputDistribution {
        public Triangular {
            if (!(min <= mode && mode <= max && min < max)) {
                throw new IllegalArgumentException("min <= mode <= max (with min < max) is needed, were "
                        + min + ", " + mode + " and " + max);
            }
        }

        @Override
        public RealDistribution create(RandomGenerator random) {
            return new TriangularDistribution(random, min, mode, max);
        }
    }

    /** Gaussian (truncated to the input's domain when sampled). */
    record Normal(double mean, double sd) implements InputDistribution {
        public Normal {
            if (!(sd > 0)) {
                throw new IllegalArgumentException("sd must be > 0, was " + sd);
            }
        }

        @Override
        public RealDistribution create(RandomGenerator random) {
            return new NormalDistribution(random, mean, sd);
        }
    }

    /** Log-normal with the given median and the standard deviation {@code sigma} of its logarithm. */
    record LogNormal(double median, double sigma) implements InputDistribution {
        public LogNormal {
            if (!(median > 0) || !(sigma > 0)) {
                throw new IllegalArgumentException("median and sigma must be > 0, were " + median + " and " + sigma);
            }
        }

        @Override
        public RealDistribution create(RandomGenerator random) {
            return new LogNormalDistribution(random, Math.log(median), sigma);
        }
    }
}
