package org.edgebatch.cost;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A provider's prices as read on {@code readOn} from {@code source}: object storage per GB-month, requests,
 * image analysis (the cloud AI service) and ingress. {@code units} states the unit convention (e.g. 1 TB = 1,000 GB).
 */
public record PriceCatalog(String provider, String label, LocalDate readOn, String source, String units,
                           PricedItem storage, PricedItem requests, PricedItem images, PricedItem ingress) {

    public PriceCatalog {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(readOn, "readOn");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(ingress, "ingress");
    }
}
