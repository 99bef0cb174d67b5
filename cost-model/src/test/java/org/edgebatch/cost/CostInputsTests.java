package org.edgebatch.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostInputsTests {

    private static final CostInputs BASE = new CostInputs(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"),
            new BigDecimal("4"), new BigDecimal("0.5"), new BigDecimal("6"), new BigDecimal("7"), new BigDecimal("8"),
            new BigDecimal("9"), new BigDecimal("10"), new BigDecimal("11"));

    @Test
    void withChangesExactlyTheNamedInput() {
        for (Input changed : Input.values()) {
            BigDecimal value = changed == Input.RETAINED_FRACTION ? new BigDecimal("0.25") : new BigDecimal("42");

            CostInputs copy = BASE.with(changed, value);

            for (Input input : Input.values()) {
                assertThat(copy.get(input)).as(input.key()).isEqualTo(input == changed ? value : BASE.get(input));
            }
        }
    }

    @Test
    void everyInputIsCheckedAgainstItsDomainNamingIt() {
        assertThatThrownBy(() -> BASE.with(Input.IMAGES, new BigDecimal("-1"))).hasMessage("images must be >= 0, was -1");
        assertThatThrownBy(() -> BASE.with(Input.FPS_PER_NODE, BigDecimal.ZERO)).hasMessage("framesPerSecondPerNode must be > 0, was 0");
        assertThatThrownBy(() -> BASE.with(Input.EDGE_NODES, new BigDecimal("0.5"))).hasMessage("edgeNodes must be >= 1, was 0.5");
        assertThatThrownBy(() -> BASE.with(Input.RETAINED_FRACTION, null)).hasMessage("retainedFraction is missing");
    }

    @Test
    void inputsAreKnownByTheirScenarioFileKeys() {
        assertThat(Input.of("framesPerSecondPerNode")).isEqualTo(Input.FPS_PER_NODE);
        assertThatThrownBy(() -> Input.of("fps")).hasMessageStartingWith("unknown input 'fps' (known: storedGbMonths, ");
    }

    @Test
    void numbersAreParsedAsWrittenInScenarioFiles() {
        assertThat(Money.parse("10_000_000")).isEqualByComparingTo("10000000");
        assertThat(Money.parse("1e8")).isEqualByComparingTo("100000000");
        assertThat(Money.parse("2/3").multiply(new BigDecimal("150000000")))
                .isCloseTo(new BigDecimal("100000000"), org.assertj.core.data.Offset.offset(new BigDecimal("1e-20")));
        assertThatThrownBy(() -> Money.parse("0,5")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Money.parse("1/0")).isInstanceOf(NumberFormatException.class);
    }
}
