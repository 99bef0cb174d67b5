package org.edgebatch.cost.io;

import java.util.List;

/** A price catalog file as written (YAML); numbers stay text until {@link CatalogReader} parses them with their path. */
record CatalogSpec(String provider, String label, String readOn, String source, String units, String note,
                   ItemSpec storage, ItemSpec requests, ItemSpec images, ItemSpec ingress) {

    /** One priced service. */
    record ItemSpec(String service, String unit, String per, String source, String provenance,
                    List<BandSpec> listPrice, PublishedSpec published) {
    }

    /** The bands the published analysis used, when they differ from the list price. */
    record PublishedSpec(List<BandSpec> bands, Boolean topBandOnTotal, String note) {
    }

    /** One band: units up to {@code upTo} (left out on the last, open-ended band) at {@code price}. */
    record BandSpec(String upTo, String price, String note) {
    }
}
