package org.edgebatch.cost.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.edgebatch.cost.CostInputs;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.SavingsCalculator;
import org.edgebatch.cost.UncertainInput;

/**
 * Draws the uncertain inputs independently from their distributions, truncated to each input's domain (seeded, so
 * a run repeats exactly), prices each draw, and summarises each provider's savings.
 */
public final class MonteCarlo {

    private final SavingsCalculator calculator;

    public MonteCarlo(SavingsCalculator calculator) {
        this.calculator = calculator;
    }

    public MonteCarloResult run(CostInputs base, List<UncertainInput> uncertain, int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("a Monte Carlo run needs at least 2 samples, was " + samples);
        }
        if (uncertain.isEmpty()) {
            throw new IllegalArgumentException("the scenario states no uncertain inputs (its 'uncertainty' section is empty)");
        }
        RandomGenerator random = new Well19937c(seed);
        List<TruncatedDistribution> distributions = uncertain.stream().map(u -> new TruncatedDistribution(u, random)).toList();
        List<PriceCatalog> providers = calculator.providers();
        double[][] drawn = new double[uncertain.size()][samples];
        double[][] savings = new double[providers.size()][samples];
        for (int s = 0; s < samples; s++) {
            CostInputs inputs = base;
            for (int i = 0; i < uncertain.size(); i++) {
                double value = distributions.get(i).sample(random);
                drawn[i][s] = value;
                inputs = inputs.with(uncertain.get(i).input(), BigDecimal.valueOf(value));
            }
            for (int p = 0; p < providers.size(); p++) {
                savings[p][s] = SavingsFunction.savings(calculator, providers.get(p), inputs);
            }
        }
        List<MonteCarloResult.Outcome> outcomes = new ArrayList<>();
        for (int p = 0; p < providers.size(); p++) {
            outcomes.add(outcome(providers.get(p).label(), savings[p], uncertain, drawn));
        }
        return new MonteCarloResult(samples, seed, uncertain.stream().map(u -> u.input().key()).toList(), outcomes);
    }

    private static MonteCarloResult.Outcome outcome(String provider, double[] savings, List<UncertainInput> uncertain,
                                                    double[][] drawn) {
        DescriptiveStatistics stats = new DescriptiveStatistics(savings);
        // R-7 is the estimator of NumPy, R and spreadsheets, so the interval can be checked with any of them.
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(savings);
        long saving = java.util.Arrays.stream(savings).filter(v -> v > 0).count();
        Map<String, Double> correlation = new LinkedHashMap<>();
        for (int i = 0; i < uncertain.size(); i++) {
            correlation.put(uncertain.get(i).input().key(), rankCorrelation(drawn[i], savings));
        }
        return new MonteCarloResult.Outcome(provider, stats.getMean(), percentile.evaluate(5), percentile.evaluate(95),
                stats.getMin(), stats.getMax(), (double) saving / savings.length, correlation, savings);
    }

    private static double rankCorrelation(double[] x, double[] y) {
        if (new DescriptiveStatistics(x).getVariance() == 0 || new DescriptiveStatistics(y).getVariance() == 0) {
            return Double.NaN;
        }
        return new SpearmansCorrelation().correlation(x, y);
    }
}
