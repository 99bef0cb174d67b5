package org.edgebatch.cost.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.TieringMode;

/**
 * What to compute: the comparison ({@code published}, {@code centralized}, {@code edge-published}, {@code edge}),
 * the tiering mode (null: {@code published} for the published comparison, else the scenario file's, else
 * {@code list-price}), an optional scenario file and run report, a camera count, input overrides, providers
 * (empty: the scenario's), Monte Carlo draws (0: none) and seed, and whether to run the sensitivity analysis.
 */
public record CostRequest(String scenario, TieringMode tiering, Path scenarioFile, Path runReport, Integer cameras,
                          Map<Input, BigDecimal> overrides, List<String> providers, int monteCarloSamples, long seed,
                          boolean sensitivity) {

    /** The published comparison. */
    public static final String PUBLISHED = "published";

    public CostRequest {
        scenario = scenario == null ? "edge" : scenario;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        providers = providers == null ? List.of() : List.copyOf(providers);
        if (cameras != null && cameras <= 0) {
            throw new IllegalArgumentException("--cameras must be > 0, was " + cameras);
        }
        if (monteCarloSamples < 0) {
            throw new IllegalArgumentException("--monte-carlo must be >= 0, was " + monteCarloSamples);
        }
    }

    /** The request for one comparison with everything else at its default. */
    public static CostRequest of(String scenario) {
        return new CostRequest(scenario, null, null, null, null, Map.of(), List.of(), 0, 1, false);
    }
}
