package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prices one {@link CostInputs} on each provider's catalog: the centralized row, the edge row of the scenario, and
 * the savings. Every line is exact until it is rounded half-up to the cent; sums add the rounded lines.
 */
public final class SavingsCalculator {

    private final List<PriceCatalog> providers;
    private final TieringMode tiering;
    private final ScenarioKind kind;

    public SavingsCalculator(List<PriceCatalog> providers, TieringMode tiering, ScenarioKind kind) {
        this.providers = List.copyOf(Objects.requireNonNull(providers, "providers"));
        this.tiering = Objects.requireNonNull(tiering, "tiering");
        this.kind = Objects.requireNonNull(kind, "kind");
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("at least one provider is needed");
        }
    }

    public List<PriceCatalog> providers() {
        return providers;
    }

    public TieringMode tiering() {
        return tiering;
    }

    public ScenarioKind kind() {
        return kind;
    }

    public CostTable table(CostInputs inputs) {
        List<ProviderComparison> comparisons = new ArrayList<>();
        for (PriceCatalog catalog : providers) {
            comparisons.add(compare(catalog, inputs));
        }
        return new CostTable(kind, tiering, comparisons);
    }

    public ProviderComparison compare(PriceCatalog catalog, CostInputs inputs) {
        List<CostLine> before = new ArrayList<>();
        List<CostLine> edge = new ArrayList<>();
        Charge storage = catalog.storage().charge(inputs.storedGbMonths(), tiering);
        Charge access = catalog.requests().charge(inputs.requests(), tiering);
        Charge ai = catalog.images().charge(inputs.images(), tiering);
        for (CostCategory category : kind.columns()) {
            before.add(switch (category) {
                case STORAGE -> new CostLine(category, storage.amount(), storage::formula);
                case ACCESS -> new CostLine(category, access.amount(), access::formula);
                case AI_SERVICES -> new CostLine(category, ai.amount(), ai::formula);
                case UPLOAD -> upload(catalog, inputs.uploadedGb(), inputs);
                case EDGE_COMPUTE -> new CostLine(category, BigDecimal.ZERO, "nothing runs on the edge");
            });
            if (kind.hasEdgeRow()) {
                edge.add(switch (category) {
                    case STORAGE -> edgeStorage(catalog, inputs, storage);
                    case ACCESS -> edgeAccess(catalog, inputs);
                    case AI_SERVICES -> kind == ScenarioKind.EDGE
                            ? new CostLine(category, BigDecimal.ZERO, "analysed on the edge (see edge compute)")
                            : new CostLine(category, ai.amount(), () -> "unchanged: " + ai.formula());
                    case UPLOAD -> upload(catalog, inputs.uploadedGb().multiply(inputs.retainedFraction()), inputs);
                    case EDGE_COMPUTE -> edgeCompute(inputs);
                });
            }
        }
        return new ProviderComparison(catalog, new CostRow(catalog.label() + " before", before),
                kind.hasEdgeRow() ? new CostRow(catalog.label() + " edge", edge) : null);
    }

    private CostLine edgeStorage(PriceCatalog catalog, CostInputs inputs, Charge centralized) {
        BigDecimal fraction = inputs.retainedFraction();
        if (tiering == TieringMode.PUBLISHED) {
            return new CostLine(CostCategory.STORAGE, centralized.amount().multiply(fraction),
                    () -> Amounts.percent(fraction) + " of the centralized storage bill $" + Amounts.money(centralized.amount())
                            + " (published: scaled, not re-priced on the bands)");
        }
        Charge retained = catalog.storage().charge(inputs.storedGbMonths().multiply(fraction), tiering);
        return new CostLine(CostCategory.STORAGE, retained.amount(),
                () -> "retained " + Amounts.percent(fraction) + " → " + retained.formula());
    }

    private CostLine edgeAccess(PriceCatalog catalog, CostInputs inputs) {
        Charge access = catalog.requests().charge(inputs.requests().multiply(inputs.accessFactor()), tiering);
        return new CostLine(CostCategory.ACCESS, access.amount(),
                () -> "access factor " + Amounts.quantity(inputs.accessFactor()) + " → " + access.formula());
    }

    private CostLine edgeCompute(CostInputs inputs) {
        ComputeEstimate estimate = new ComputeEstimate(inputs.edgeFrames(), inputs.edgeNodes(),
                inputs.framesPerSecondPerNode(), inputs.pricePerHour());
        return new CostLine(CostCategory.EDGE_COMPUTE, estimate.cost(), estimate::formula);
    }

    private CostLine upload(PriceCatalog catalog, BigDecimal gigabytes, CostInputs inputs) {
        Charge ingress = catalog.ingress().charge(gigabytes, tiering);
        BigDecimal uplink = gigabytes.multiply(inputs.uplinkPricePerGb());
        return new CostLine(CostCategory.UPLOAD, ingress.amount().add(uplink),
                () -> "ingress " + ingress.formula() + "; uplink " + Amounts.quantity(gigabytes) + " GB × "
                        + Amounts.price(inputs.uplinkPricePerGb()));
    }
}
