package org.edgebatch.cost.io;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.edgebatch.cost.CostInputException;
import org.edgebatch.cost.PriceCatalog;

/** The price catalogs known by provider key: the bundled ones (aws, gcp, azure) plus any a scenario file adds. */
public final class Catalogs {

    /** The catalogs shipped as resources, in the order the published table lists them. */
    public static final List<String> BUNDLED = List.of("aws", "gcp", "azure");

    private final Map<String, PriceCatalog> byProvider;

    private Catalogs(Map<String, PriceCatalog> byProvider) {
        this.byProvider = Map.copyOf(byProvider);
    }

    public static Catalogs bundled() {
        CatalogReader reader = new CatalogReader();
        Map<String, PriceCatalog> catalogs = new LinkedHashMap<>();
        for (String key : BUNDLED) {
            String resource = "/org/edgebatch/cost/catalogs/" + key + ".yaml";
            InputStream in = Catalogs.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("the bundled catalog " + resource + " is missing from the jar");
            }
            PriceCatalog catalog = reader.read(in, key + ".yaml");
            if (!catalog.provider().equals(key)) {
                throw new IllegalStateException(resource + " declares provider '" + catalog.provider() + "'");
            }
            catalogs.put(key, catalog);
        }
        return new Catalogs(catalogs);
    }

    /** These catalogs plus {@code extra} (which win on a clash). */
    public Catalogs with(Map<String, PriceCatalog> extra) {
        Map<String, PriceCatalog> all = new LinkedHashMap<>(byProvider);
        all.putAll(extra);
        return new Catalogs(all);
    }

    public boolean has(String provider) {
        return byProvider.containsKey(provider);
    }

    /** The catalog of {@code provider}; an unknown key is an error naming {@code field}. */
    public PriceCatalog get(String provider, String field) {
        PriceCatalog catalog = byProvider.get(provider);
        if (catalog == null) {
            throw new CostInputException(field + ": unknown provider '" + provider + "' (known: "
                    + String.join(", ", new TreeSet<>(byProvider.keySet())) + ")");
        }
        return catalog;
    }
}
