package org.edgebatch.cost.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.edgebatch.cost.CostInputs;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.InputDistribution;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.SavingsCalculator;
import org.edgebatch.cost.Scenario;
import org.edgebatch.cost.ScenarioKind;
import org.edgebatch.cost.TieringMode;
import org.edgebatch.cost.UncertainInput;
import org.edgebatch.cost.io.Catalogs;
import org.edgebatch.cost.io.ScenarioReader;
import org.junit.jupiter.api.Test;

class AnalysisTests {

    private static final Scenario PUBLISHED = new ScenarioReader(Catalogs.bundled()).bundled("published");
    private static final CostInputs BASE = PUBLISHED.derive().values();
    private static final PriceCatalog AWS = PUBLISHED.providers().getFirst();

    private static SavingsCalculator calculator(ScenarioKind kind) {
        return new SavingsCalculator(PUBLISHED.providers(), TieringMode.LIST_PRICE, kind);
    }

    @Test
    void breakEvenNodePriceMatchesTheArithmetic() {
        // given the honest edge on the published volumes: AWS before $249,750, edge without compute $22,050,
        // and 100M frames at 10 frames/s = 2,777.78 node-hours
        double expected = (249_750.0 - 22_050.0) / (100_000_000.0 / 10 / 3600);

        // when Brent looks for the node price at which savings reach zero
        BreakEvenResult result = new BreakEven(calculator(ScenarioKind.EDGE)).find(BASE, AWS, Input.PRICE_PER_HOUR, 0, 1e5);

        // then it is found there, and edge stops saving above it
        assertThat(result.value()).isPresent();
        assertThat(result.value().getAsDouble()).isCloseTo(expected, within(1e-3));
        assertThat(result.describe()).startsWith("AWS: edge stops saving above pricePerHour = 81.97");
    }

    @Test
    void breakEvenRetainedFractionWithExpensiveEdgeNodes() {
        // given edge nodes at $80 an hour: 2,777.78 node-hours cost $222,222.22
        CostInputs inputs = BASE.with(Input.PRICE_PER_HOUR, new BigDecimal("80"));
        // storage may cost 249,750 - 500 - 222,222.22 = 27,027.78: 500,000 GB for $11,050, the rest at $0.021
        double gbMonths = 500_000 + (249_750 - 500 - 100_000_000.0 / 36_000 * 80 - 11_050) / 0.021;

        BreakEvenResult result = new BreakEven(calculator(ScenarioKind.EDGE)).find(inputs, AWS, Input.RETAINED_FRACTION, 0, 1);

        assertThat(result.value().getAsDouble()).isCloseTo(gbMonths / 10_000_000, within(1e-6));
        assertThat(result.savingsAtLo()).isPositive();
        assertThat(result.savingsAtHi()).isNegative();
    }

    @Test
    void noBreakEvenIsReportedWhenSavingsKeepTheirSign() {
        BreakEvenResult result = new BreakEven(calculator(ScenarioKind.EDGE_PUBLISHED)).find(BASE, AWS, Input.RETAINED_FRACTION, 0, 1);

        assertThat(result.value()).isEmpty();
        assertThat(result.describe()).startsWith("AWS: edge saves for every retainedFraction in [0, 1]");
    }

    @Test
    void savingsSweepFallsWithRetainedFractionAndReachesZeroWhenNothingElseChanges() {
        CostInputs inputs = BASE.with(Input.ACCESS_FACTOR, BigDecimal.ONE);
        Sweep sweep = new Sensitivity(calculator(ScenarioKind.EDGE_PUBLISHED)).retainedFraction(inputs);

        assertThat(sweep.values()).hasSize(21).startsWith(0.0).endsWith(1.0);
        for (Sweep.Series series : sweep.series()) {
            for (int i = 1; i < series.savings().length; i++) {
                assertThat(series.savings()[i]).isLessThanOrEqualTo(series.savings()[i - 1]);
            }
            assertThat(series.savings()[20]).isZero();
        }
    }

    @Test
    void tornadoPutsTheWidestSwingFirst() {
        List<Swing> swings = new Sensitivity(calculator(ScenarioKind.EDGE)).tornado(BASE, PUBLISHED.uncertainty());

        assertThat(swings).hasSize(PUBLISHED.uncertainty().size() * 3);
        for (int i = 1; i < swings.size(); i++) {
            assertThat(swings.get(i).width()).isLessThanOrEqualTo(swings.get(i - 1).width());
        }
        // once AI runs on the edge, the kept footage matters most
        assertThat(swings.getFirst().input()).isEqualTo("retainedFraction");
    }

    @Test
    void monteCarloIsRepeatableForASeedAndItsIntervalHoldsTheMean() {
        MonteCarlo monteCarlo = new MonteCarlo(calculator(ScenarioKind.EDGE));

        MonteCarloResult first = monteCarlo.run(BASE, PUBLISHED.uncertainty(), 2000, 7);
        MonteCarloResult again = monteCarlo.run(BASE, PUBLISHED.uncertainty(), 2000, 7);
        MonteCarloResult other = monteCarlo.run(BASE, PUBLISHED.uncertainty(), 2000, 8);

        for (int p = 0; p < first.outcomes().size(); p++) {
            MonteCarloResult.Outcome outcome = first.outcomes().get(p);
            assertThat(outcome.mean()).isEqualTo(again.outcomes().get(p).mean());
            assertThat(outcome.mean()).isNotEqualTo(other.outcomes().get(p).mean());
            assertThat(outcome.p5()).isLessThan(outcome.mean()).isGreaterThanOrEqualTo(outcome.min());
            assertThat(outcome.p95()).isGreaterThan(outcome.mean()).isLessThanOrEqualTo(outcome.max());
            // more footage kept, less saved
            assertThat(outcome.rankCorrelation().get("retainedFraction")).isLessThan(-0.5);
        }
    }

    @Test
    void monteCarloOfANarrowInputGivesTheBaseSavings() {
        List<UncertainInput> narrow = List.of(new UncertainInput(Input.RETAINED_FRACTION,
                new InputDistribution.Uniform(0.1, 0.1 + 1e-12)));
        SavingsCalculator calculator = calculator(ScenarioKind.EDGE);

        MonteCarloResult result = new MonteCarlo(calculator).run(BASE, narrow, 100, 1);

        double base = calculator.compare(AWS, BASE).savings().orElseThrow().doubleValue();
        assertThat(result.outcomes().getFirst().mean()).isCloseTo(base, within(1e-9));
        assertThat(result.outcomes().getFirst().rankCorrelation().get("retainedFraction")).isNaN();
    }

    @Test
    void monteCarloNeedsUncertainInputsAndSamples() {
        MonteCarlo monteCarlo = new MonteCarlo(calculator(ScenarioKind.EDGE));

        assertThatThrownBy(() -> monteCarlo.run(BASE, List.of(), 100, 1)).hasMessageContaining("uncertainty");
        assertThatThrownBy(() -> monteCarlo.run(BASE, PUBLISHED.uncertainty(), 1, 1)).hasMessageContaining("at least 2 samples");
    }

    @Test
    void drawsStayInsideAnInputsDomain() {
        // a normal frame rate around 1 with a wide spread would draw negatives: it is truncated at zero
        List<UncertainInput> wide = List.of(new UncertainInput(Input.FPS_PER_NODE, new InputDistribution.Normal(1, 5)));

        MonteCarloResult result = new MonteCarlo(calculator(ScenarioKind.EDGE)).run(BASE, wide, 200, 3);

        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.min()).isFinite());
        List<UncertainInput> impossible = List.of(new UncertainInput(Input.RETAINED_FRACTION,
                new InputDistribution.Uniform(2, 3)));
        assertThatThrownBy(() -> new MonteCarlo(calculator(ScenarioKind.EDGE)).run(BASE, impossible, 10, 1))
                .hasMessageContaining("retainedFraction puts no probability inside its domain");
    }
}
