package org.edgebatch.cost.io;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.edgebatch.cost.PriceBand;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.PriceSchedule;
import org.edgebatch.cost.PricedItem;
import org.edgebatch.cost.io.CatalogSpec.BandSpec;
import org.edgebatch.cost.io.CatalogSpec.ItemSpec;

/** Reads and validates a price catalog file (YAML); every error names the file and the field. */
public final class CatalogReader {

    private final SpecMapper mapper = SpecMapper.strictYaml();

    public PriceCatalog read(InputStream in, String sourceName) {
        return fromSpec(mapper.read(in, sourceName, CatalogSpec.class), sourceName, "");
    }

    /** Validates a catalog written inline (in a scenario file, under {@code prefix}). */
    PriceCatalog fromSpec(CatalogSpec spec, String sourceName, String prefix) {
        SpecFields fields = new SpecFields(sourceName);
        String provider = fields.require(spec.provider(), prefix + "provider");
        LocalDate readOn;
        try {
            readOn = LocalDate.parse(fields.require(spec.readOn(), prefix + "readOn"));
        } catch (DateTimeParseException e) {
            throw fields.error(prefix + "readOn", "must be a date like 2026-11-26, was '" + spec.readOn() + "'");
        }
        return new PriceCatalog(provider, spec.label() == null ? provider : spec.label(), readOn,
                fields.require(spec.source(), prefix + "source"), spec.units() == null ? "" : spec.units(),
                item(fields, spec.storage(), prefix + "storage"),
                item(fields, spec.requests(), prefix + "requests"),
                item(fields, spec.images(), prefix + "images"),
                item(fields, spec.ingress(), prefix + "ingress"));
    }

    private PricedItem item(SpecFields fields, ItemSpec spec, String path) {
        if (spec == null) {
            throw fields.error(path, "is missing: a catalog prices storage, requests, images and ingress");
        }
        String unit = fields.require(spec.unit(), path + ".unit");
        BigDecimal per = fields.number(spec.per(), path + ".per", "1");
        if (per.signum() <= 0) {
            throw fields.error(path + ".per", "must be > 0, was " + per.toPlainString());
        }
        PriceSchedule listPrice = new PriceSchedule(bands(fields, spec.listPrice(), path + ".listPrice"), false);
        PriceSchedule published = listPrice;
        if (spec.published() != null) {
            List<PriceBand> bands = spec.published().bands() == null ? listPrice.bands()
                    : bands(fields, spec.published().bands(), path + ".published.bands");
            published = new PriceSchedule(bands, Boolean.TRUE.equals(spec.published().topBandOnTotal()));
        }
        String provenance = spec.provenance() == null ? "" : spec.provenance().strip();
        return new PricedItem(spec.service() == null ? unit : spec.service(), unit, per, listPrice, published,
                provenance);
    }

    private List<PriceBand> bands(SpecFields fields, List<BandSpec> specs, String path) {
        if (specs == null || specs.isEmpty()) {
            throw fields.error(path, "is missing: at least one price band is needed (a last band without upTo)");
        }
        List<PriceBand> bands = new ArrayList<>();
        BigDecimal from = BigDecimal.ZERO;
        for (int i = 0; i < specs.size(); i++) {
            String bandPath = path + "[" + i + "]";
            BandSpec spec = fields.require(specs.get(i), bandPath);
            BigDecimal price = fields.nonNegative(fields.number(spec.price(), bandPath + ".price"), bandPath + ".price");
            boolean last = i == specs.size() - 1;
            BigDecimal upTo = fields.optionalNumber(spec.upTo(), bandPath + ".upTo");
            if (last && upTo != null) {
                throw fields.error(bandPath + ".upTo", "must be left out: the last band is open-ended so every quantity has a price"
                        + " (add a band above " + upTo.toPlainString() + ")");
            }
            if (!last && upTo == null) {
                throw fields.error(bandPath + ".upTo", "is missing: only the last band may be open-ended");
            }
            if (upTo != null && upTo.compareTo(from) <= 0) {
                throw fields.error(bandPath + ".upTo", "must be above the band's start " + from.toPlainString()
                        + ", was " + upTo.toPlainString());
            }
            bands.add(new PriceBand(from, upTo, price));
            from = upTo;
        }
        return bands;
    }
}
