package org.edgebatch.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceScheduleTests {

    private static final BigDecimal ONE_THOUSAND = new BigDecimal("1000");

    private static PriceBand band(String from, String to, String price) {
        return new PriceBand(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(price));
    }

    // GCP Vision label detection: first 1,000 free, to 5M at $1.50/1k, above at $1.00/1k.
    private final PriceSchedule vision = new PriceSchedule(List.of(
            band("0", "1000", "0"), band("1000", "5000000", "1.50"), band("5000000", null, "1.00")), false);

    @Test
    void freeTierCostsNothingAndTheNextUnitsArePricedPerThousand() {
        assertThat(vision.charge(new BigDecimal("1000"), ONE_THOUSAND, "image").amount()).isEqualByComparingTo("0");
        assertThat(vision.charge(new BigDecimal("1001"), ONE_THOUSAND, "image").amount()).isEqualByComparingTo("0.0015");
        assertThat(vision.charge(new BigDecimal("5000000"), ONE_THOUSAND, "image").amount()).isEqualByComparingTo("7498.5");
        assertThat(vision.charge(new BigDecimal("100000000"), ONE_THOUSAND, "image").amount()).isEqualByComparingTo("102498.5");
    }

    @Test
    void quantityOnABandBoundaryStaysInTheLowerBand() {
        Charge charge = vision.charge(new BigDecimal("5000000"), ONE_THOUSAND, "image");
        assertThat(charge.portions()).extracting(Charge.Portion::price)
                .containsExactly(new BigDecimal("0"), new BigDecimal("1.50"));
    }

    @Test
    void zeroQuantityCostsNothing() {
        assertThat(vision.charge(BigDecimal.ZERO, ONE_THOUSAND, "image").amount()).isEqualByComparingTo("0");
        assertThat(vision.charge(BigDecimal.ZERO, ONE_THOUSAND, "image").formula()).contains("nothing to charge");
    }

    @Test
    void topBandOnTotalChargesTheTopRateOnEveryUnitOnceTheTopBandIsReached() {
        // given Rekognition's bands with the published quirk
        List<PriceBand> bands = List.of(band("0", "1000000", "0.001"), band("1000000", "5000000", "0.0008"),
                band("5000000", "35000000", "0.0006"), band("35000000", null, "0.00025"));
        PriceSchedule correct = new PriceSchedule(bands, false);
        PriceSchedule quirk = new PriceSchedule(bands, true);

        // then 100M images cost $38,450 correctly tiered and $47,200 as published
        assertThat(correct.charge(new BigDecimal("100000000"), BigDecimal.ONE, "image").amount()).isEqualByComparingTo("38450");
        assertThat(quirk.charge(new BigDecimal("100000000"), BigDecimal.ONE, "image").amount()).isEqualByComparingTo("47200");
        // and below the top band the quirk changes nothing
        assertThat(quirk.charge(new BigDecimal("2000000"), BigDecimal.ONE, "image").amount())
                .isEqualByComparingTo(correct.charge(new BigDecimal("2000000"), BigDecimal.ONE, "image").amount());
    }

    @Test
    void formulaShowsEveryBandWithItsQuantityAndPrice() {
        String formula = vision.charge(new BigDecimal("100000000"), ONE_THOUSAND, "image").formula();

        assertThat(formula).isEqualTo("100,000,000 image: 1,000 free + 4,999,000 × $1.50/1,000 + 95,000,000 × $1.00/1,000");
    }

    @Test
    void bandsMustBeContiguousFromZeroAndEndOpen() {
        assertThatThrownBy(() -> new PriceSchedule(List.of(band("0", "10", "1"), band("20", null, "1")), false))
                .hasMessageContaining("band 1 starts at 20");
        assertThatThrownBy(() -> new PriceSchedule(List.of(band("0", "10", "1")), false))
                .hasMessageContaining("open-ended");
        assertThatThrownBy(() -> new PriceSchedule(List.of(), false)).hasMessageContaining("at least one band");
        assertThatThrownBy(() -> band("0", null, "-1")).hasMessageContaining("negative");
    }

    @Test
    void aNegativeQuantityIsRefused() {
        assertThatThrownBy(() -> vision.charge(new BigDecimal("-1"), ONE_THOUSAND, "image"))
                .hasMessageContaining("negative quantity of image");
    }
}
