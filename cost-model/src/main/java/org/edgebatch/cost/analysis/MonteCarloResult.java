package org.edgebatch.cost.analysis;

import java.util.List;
import java.util.Map;

/** Savings over many draws of the uncertain inputs: per provider, the mean, a 90% interval and what drives it. */
public record MonteCarloResult(int samples, long seed, List<String> inputs, List<Outcome> outcomes) {

    /**
     * One provider: mean savings, 5th and 95th percentiles (the 90% interval), the share of draws where edge saves,
     * the Spearman rank correlation of each input with the savings (NaN when either does not vary), and the draws.
     */
    public record Outcome(String provider, double mean, double p5, double p95, double min, double max,
                          double probabilityOfSaving, Map<String, Double> rankCorrelation, double[] savings) {
    }

    public MonteCarloResult {
        inputs = List.copyOf(inputs);
        outcomes = List.copyOf(outcomes);
    }
}
