package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Contiguous price bands from zero to unbounded. {@code topBandOnTotal} reproduces a published quirk: the top
 * band's price is charged on the whole quantity (on top of the lower bands) instead of on the part above its start.
 */
public record PriceSchedule(List<PriceBand> bands, boolean topBandOnTotal) {

    public PriceSchedule {
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a price schedule needs at least one band");
        }
        BigDecimal expectedFrom = BigDecimal.ZERO;
        for (int i = 0; i < bands.size(); i++) {
            PriceBand band = bands.get(i);
            if (band.from().compareTo(expectedFrom) != 0) {
                throw new IllegalArgumentException("band " + i + " starts at " + band.from() + " but the band before ends at " + expectedFrom);
            }
            if (band.unbounded() != (i == bands.size() - 1)) {
                throw new IllegalArgumentException("only the last band may be (and it must be) open-ended");
            }
            expectedFrom = band.to();
        }
    }

    /** Prices {@code quantity} units of which each {@code per} cost a band's price. */
    public Charge charge(BigDecimal quantity, BigDecimal per, String unit) {
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("cannot price a negative quantity of " + unit + ": " + quantity);
        }
        List<Charge.Portion> portions = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            PriceBand band = bands.get(i);
            boolean top = i == bands.size() - 1;
            BigDecimal inBand = top && topBandOnTotal
                    ? (quantity.compareTo(band.from()) > 0 ? quantity : BigDecimal.ZERO)
                    : band.quantityIn(quantity);
            if (inBand.signum() > 0) {
                portions.add(new Charge.Portion(inBand, band.price(), top && topBandOnTotal));
            }
        }
        return new Charge(quantity, unit, per, portions);
    }
}
