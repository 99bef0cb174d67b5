package org.edgebatch.cost.report;

import java.util.List;
import org.edgebatch.cost.ComputeClaim;
import org.edgebatch.cost.ComputeEstimate;
import org.edgebatch.cost.CostTable;
import org.edgebatch.cost.DerivedInputs;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.ScenarioKind;
import org.edgebatch.cost.TieringMode;

/**
 * Everything a report shows: the scenario, the table, the inputs and their sources, the compute claim, the
 * analysis (null unless asked for), what a measured run contributed (empty without one) and notes on assumptions.
 */
public record CostReport(String scenarioName, String scenarioDescription, ScenarioKind kind, TieringMode tiering,
                         String footage, DerivedInputs inputs, CostTable table, ComputeClaim claim,
                         ComputeEstimate claimEstimate, Analysis analysis, List<String> run, List<String> notes) {

    public CostReport {
        run = List.copyOf(run);
        notes = List.copyOf(notes);
    }

    public String title() {
        return "EdgeBatch cost comparison: " + (kind.hasEdgeRow() ? kind.key() + " vs centralized" : "centralized")
                + " (scenario " + scenarioName + ", tiering " + tiering.key() + ")";
    }

    public List<PriceCatalog> catalogs() {
        return table.comparisons().stream().map(c -> c.catalog()).toList();
    }
}
