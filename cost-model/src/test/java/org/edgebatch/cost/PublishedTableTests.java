package org.edgebatch.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.edgebatch.cost.io.Catalogs;
import org.edgebatch.cost.io.ScenarioReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PublishedTableTests {

    private final Scenario scenario = new ScenarioReader(Catalogs.bundled()).bundled("published");
    private final CostInputs inputs = scenario.derive().values();

    private CostTable table(TieringMode mode, ScenarioKind kind) {
        return new SavingsCalculator(scenario.providers(), mode, kind).table(inputs);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aws   | 210,500.00 | 750.00 | 47,200.00  | 258,450.00 | 21,050.00 | 500.00 | 47,200.00  | 68,750.00  | 73.40%
            gcp   | 200,000.00 | 750.00 | 102,498.50 | 303,248.50 | 20,000.00 | 500.00 | 102,498.50 | 122,998.50 | 59.44%
            azure | 160,500.00 | 300.00 | 60,850.00  | 221,650.00 | 16,050.00 | 200.00 | 60,850.00  | 77,100.00  | 65.22%
            """)
    void publishedModeReproducesEveryCellOfThePublishedTable(String provider, String storage, String access, String ai,
                                                            String sum, String edgeStorage, String edgeAccess,
                                                            String edgeAi, String edgeSum, String savings) {
        // given the published scenario in published tiering mode
        // when the edge-published comparison is priced
        ProviderComparison row = table(TieringMode.PUBLISHED, ScenarioKind.EDGE_PUBLISHED).provider(provider);

        // then every cell matches the published table
        CostRow before = row.before();
        CostRow edge = row.edgeRow().orElseThrow();
        assertThat(cells(before)).containsExactly(storage, access, ai, sum);
        assertThat(cells(edge)).containsExactly(edgeStorage, edgeAccess, edgeAi, edgeSum);
        assertThat(Amounts.percent(row.savings().orElseThrow())).isEqualTo(savings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aws   | 210,550.00 | 750.00 | 38,450.00  | 21,550.00
            gcp   | 200,000.00 | 750.00 | 102,498.50 | 20,000.00
            azure | 160,500.00 | 300.00 | 60,850.00  | 16,500.00
            """)
    void listPriceModeTiersCorrectly(String provider, String storage, String access, String ai, String edgeStorage) {
        // given the same inputs in list-price mode
        ProviderComparison row = table(TieringMode.LIST_PRICE, ScenarioKind.EDGE_PUBLISHED).provider(provider);

        // then the bands are applied as billed, and the retained 10% is re-priced on them
        assertThat(cells(row.before()).subList(0, 3)).containsExactly(storage, access, ai);
        assertThat(Amounts.money(row.edgeRow().orElseThrow().line(CostCategory.STORAGE).amount())).isEqualTo(edgeStorage);
    }

    @Test
    void computeClaimTakesThreeHoursAndSixtySixCents() {
        // given the claim quoted with the published table (two nodes at 10 frames/s, $0.11 an hour)
        ComputeEstimate estimate = scenario.claim().estimate(inputs);

        // then one hour of 60 fps footage takes 3 hours and costs $0.66 (quoted as "$1")
        assertThat(estimate.frames()).isEqualByComparingTo("216000");
        assertThat(estimate.hours()).isEqualByComparingTo("3");
        assertThat(Amounts.money(estimate.cost())).isEqualTo("0.66");
        assertThat(estimate.cost().compareTo(scenario.claim().quoted())).isLessThan(0);
    }

    @Test
    void sumsArePlainSumsOfTheRoundedLines() {
        for (ProviderComparison row : table(TieringMode.PUBLISHED, ScenarioKind.EDGE_PUBLISHED).comparisons()) {
            BigDecimal added = row.before().lines().stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(row.before().sum()).isEqualByComparingTo(added);
        }
    }

    private static List<String> cells(CostRow row) {
        return List.of(Amounts.money(row.line(CostCategory.STORAGE).amount()),
                Amounts.money(row.line(CostCategory.ACCESS).amount()),
                Amounts.money(row.line(CostCategory.AI_SERVICES).amount()),
                Amounts.money(row.sum()));
    }
}
