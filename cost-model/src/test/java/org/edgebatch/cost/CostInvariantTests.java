package org.edgebatch.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.edgebatch.cost.io.Catalogs;
import org.edgebatch.cost.io.ScenarioReader;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Properties that must hold for any inputs: checked on inputs drawn from a seeded generator (one seed per repetition). */
class CostInvariantTests {

    private static final List<PriceCatalog> providers = new ScenarioReader(Catalogs.bundled()).bundled("published").providers();

    private static BigDecimal draw(Random random, double max, int scale) {
        // Log-uniform over many orders of magnitude, so band boundaries and tiny volumes both get hit.
        double value = random.nextDouble() < 0.05 ? 0 : Math.pow(10, random.nextDouble() * Math.log10(max));
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    private static CostInputs randomInputs(Random random) {
        return new CostInputs(draw(random, 1e9, 3), draw(random, 1e10, 0), draw(random, 1e10, 0), draw(random, 1e8, 3),
                BigDecimal.valueOf(random.nextDouble()).setScale(4, RoundingMode.HALF_UP),
                BigDecimal.valueOf(random.nextDouble() * 2).setScale(4, RoundingMode.HALF_UP),
                BigDecimal.valueOf(1 + random.nextInt(200)), BigDecimal.valueOf(1 + random.nextInt(8)),
                BigDecimal.valueOf(0.5 + random.nextDouble() * 100), BigDecimal.valueOf(random.nextDouble() * 3),
                BigDecimal.valueOf(random.nextDouble() * 0.1));
    }

    @RepeatedTest(80)
    void costsAreNeverNegativeAndSumsAddTheirLines(RepetitionInfo repetition) {
        // given random inputs
        CostInputs inputs = randomInputs(new Random(repetition.getCurrentRepetition()));

        for (TieringMode mode : TieringMode.values()) {
            for (ScenarioKind kind : ScenarioKind.values()) {
                // when every scenario is priced in every mode
                for (ProviderComparison comparison : new SavingsCalculator(providers, mode, kind).table(inputs).comparisons()) {
                    // then no line is negative and each sum is the plain sum of its lines
                    for (CostRow row : rows(comparison)) {
                        assertThat(row.lines()).allSatisfy(line -> assertThat(line.amount()).isNotNegative());
                        assertThat(row.sum()).isEqualByComparingTo(row.lines().stream().map(CostLine::amount)
                                .reduce(BigDecimal.ZERO, BigDecimal::add));
                    }
                }
            }
        }
    }

    @RepeatedTest(50)
    void costsAreMonotoneInEveryVolume(RepetitionInfo repetition) {
        // given random inputs and a random larger volume of one kind
        Random random = new Random(1000L + repetition.getCurrentRepetition());
        CostInputs smaller = randomInputs(random);
        Input volume = List.of(Input.STORED_GB_MONTHS, Input.REQUESTS, Input.IMAGES, Input.UPLOADED_GB).get(random.nextInt(4));
        BigDecimal growth = BigDecimal.valueOf(1 + random.nextDouble() * 3);
        CostInputs larger = smaller.with(volume, smaller.get(volume).multiply(growth));

        for (TieringMode mode : TieringMode.values()) {
            for (ScenarioKind kind : ScenarioKind.values()) {
                SavingsCalculator calculator = new SavingsCalculator(providers, mode, kind);
                for (PriceCatalog provider : providers) {
                    // when both are priced
                    ProviderComparison small = calculator.compare(provider, smaller);
                    ProviderComparison large = calculator.compare(provider, larger);
                    // then no line and no sum goes down
                    for (int r = 0; r < rows(small).size(); r++) {
                        CostRow a = rows(small).get(r);
                        CostRow b = rows(large).get(r);
                        assertThat(b.sum()).as("%s %s %s %s", kind, mode, a.label(), volume).isGreaterThanOrEqualTo(a.sum());
                        for (int l = 0; l < a.lines().size(); l++) {
                            assertThat(b.lines().get(l).amount()).isGreaterThanOrEqualTo(a.lines().get(l).amount());
                        }
                    }
                }
            }
        }
    }

    @RepeatedTest(80)
    void keepingAllFootageWithAiAndRequestsUnchangedSavesNothing(RepetitionInfo repetition) {
        // given random volumes, all footage retained, as many requests as before, AI unchanged (edge-published)
        CostInputs inputs = randomInputs(new Random(2000L + repetition.getCurrentRepetition()))
                .with(Input.RETAINED_FRACTION, BigDecimal.ONE)
                .with(Input.ACCESS_FACTOR, BigDecimal.ONE);

        for (TieringMode mode : TieringMode.values()) {
            for (ProviderComparison comparison : new SavingsCalculator(providers, mode, ScenarioKind.EDGE_PUBLISHED)
                    .table(inputs).comparisons()) {
                // then the savings are exactly zero
                assertThat(comparison.savings().orElseThrow()).isEqualByComparingTo(BigDecimal.ZERO);
            }
        }
    }

    @RepeatedTest(30)
    void savingsFallAsMoreFootageIsRetained(RepetitionInfo repetition) {
        CostInputs inputs = randomInputs(new Random(3000L + repetition.getCurrentRepetition()));
        for (ScenarioKind kind : List.of(ScenarioKind.EDGE_PUBLISHED, ScenarioKind.EDGE)) {
            SavingsCalculator calculator = new SavingsCalculator(providers, TieringMode.LIST_PRICE, kind);
            for (PriceCatalog provider : providers) {
                if (calculator.compare(provider, inputs).before().sum().signum() == 0) {
                    continue;
                }
                BigDecimal previous = null;
                for (int step = 0; step <= 10; step++) {
                    BigDecimal savings = calculator.compare(provider,
                            inputs.with(Input.RETAINED_FRACTION, BigDecimal.valueOf(step, 1))).savings().orElseThrow();
                    if (previous != null) {
                        assertThat(savings).isLessThanOrEqualTo(previous);
                    }
                    previous = savings;
                }
            }
        }
    }

    private static List<CostRow> rows(ProviderComparison comparison) {
        return comparison.edgeRow().map(edge -> List.of(comparison.before(), edge)).orElse(List.of(comparison.before()));
    }
}
