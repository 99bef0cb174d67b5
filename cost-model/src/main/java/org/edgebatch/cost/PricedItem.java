package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One billed service of a provider (storage, requests, image analysis, ingress): its unit, how many units a price
 * is quoted for ({@code per}, e.g. 1,000 requests), the list-price bands, the bands the published analysis used,
 * and where the figures come from.
 */
public record PricedItem(String service, String unit, BigDecimal per, PriceSchedule listPrice, PriceSchedule published,
                         String provenance) {

    public PricedItem {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(listPrice, "listPrice");
        Objects.requireNonNull(published, "published");
        if (per == null || per.signum() <= 0) {
            throw new IllegalArgumentException("'per' must be positive, was " + per);
        }
    }

    public Charge charge(BigDecimal quantity, TieringMode mode) {
        return schedule(mode).charge(quantity, per, unit);
    }

    public PriceSchedule schedule(TieringMode mode) {
        return mode == TieringMode.PUBLISHED ? published : listPrice;
    }
}
