package org.edgebatch.cost.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgebatch.cost.Amounts;
import org.edgebatch.cost.ComputeClaim;
import org.edgebatch.cost.ComputeEstimate;
import org.edgebatch.cost.CostInputException;
import org.edgebatch.cost.CostTable;
import org.edgebatch.cost.DerivedInputs;
import org.edgebatch.cost.FootageVolume;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.PricedItem;
import org.edgebatch.cost.SavingsCalculator;
import org.edgebatch.cost.Scenario;
import org.edgebatch.cost.ScenarioKind;
import org.edgebatch.cost.TieringMode;
import org.edgebatch.cost.analysis.BreakEven;
import org.edgebatch.cost.analysis.MonteCarlo;
import org.edgebatch.cost.analysis.MonteCarloResult;
import org.edgebatch.cost.analysis.Sensitivity;
import org.edgebatch.cost.io.Catalogs;
import org.edgebatch.cost.io.ScenarioReader;
import org.edgebatch.cost.run.RunProjection;
import org.edgebatch.cost.run.RunReportReader;

/** Turns a {@link CostRequest} into a {@link CostReport}: loads the scenario (and run), prices it, analyses it. */
public final class CostReportBuilder {

    private static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);

    private final Catalogs catalogs;

    public CostReportBuilder(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    public CostReportBuilder() {
        this(Catalogs.bundled());
    }

    public CostReport build(CostRequest request) {
        ScenarioReader reader = new ScenarioReader(catalogs);
        Scenario scenario = request.scenarioFile() == null ? reader.bundled("published") : reader.read(request.scenarioFile());
        boolean published = request.scenario().equals(CostRequest.PUBLISHED);
        ScenarioKind kind = published ? ScenarioKind.EDGE_PUBLISHED : kindOf(request.scenario());
        TieringMode tiering = request.tiering() != null ? request.tiering()
                : published ? TieringMode.PUBLISHED : scenario.tiering();
        if (!request.providers().isEmpty()) {
            Map<String, PriceCatalog> inScenario = new java.util.LinkedHashMap<>();
            scenario.providers().forEach(c -> inScenario.put(c.provider(), c));
            Catalogs known = catalogs.with(inScenario);
            List<PriceCatalog> chosen = new ArrayList<>();
            for (String provider : request.providers()) {
                chosen.add(known.get(provider, "--providers"));
            }
            scenario = scenario.withProviders(chosen);
        }

        DerivedInputs inputs;
        FootageVolume footage;
        String description = scenario.description();
        ComputeClaim claim = scenario.claim();
        List<String> run = List.of();
        if (request.runReport() != null) {
            RunProjection projection = new RunProjection(new RunReportReader().read(request.runReport()));
            int cameras = request.cameras() != null ? request.cameras() : scenario.footage().cameras();
            inputs = projection.project(cameras, scenario.footage(), scenario.edge());
            footage = projection.footage(cameras, scenario.footage());
            run = projection.summary();
            // The scenario's description and compute claim are about its own footage, not the run's.
            description = projection.describe(cameras, scenario.name());
            claim = null;
        } else {
            if (request.cameras() != null) {
                scenario = scenario.withCameras(request.cameras());
            }
            inputs = scenario.derive();
            footage = scenario.footage();
        }
        for (Map.Entry<Input, BigDecimal> override : request.overrides().entrySet()) {
            try {
                inputs = inputs.override(override.getKey(), override.getValue(), "set on the command line");
            } catch (IllegalArgumentException e) {
                throw new CostInputException("--" + flag(override.getKey()) + ": " + e.getMessage(), e);
            }
        }

        SavingsCalculator calculator = new SavingsCalculator(scenario.providers(), tiering, kind);
        CostTable table = calculator.table(inputs.values());
        ComputeEstimate claimEstimate = claim == null ? null : claim.estimate(inputs.values());
        Analysis analysis = null;
        if (kind.hasEdgeRow() && (request.sensitivity() || request.monteCarloSamples() > 0)) {
            analysis = analyse(calculator, scenario, inputs, request);
        }
        return new CostReport(scenario.name(), description, kind, tiering, footage.describe(), inputs, table,
                claim, claimEstimate, analysis, run, notes(scenario, kind, tiering, inputs, footage));
    }

    private static ScenarioKind kindOf(String name) {
        try {
            return ScenarioKind.of(name);
        } catch (IllegalArgumentException e) {
            throw new CostInputException("--scenario: " + e.getMessage().replace("(known: ", "(known: published, "));
        }
    }

    /** The command-line flag of an input, e.g. {@code retained-fraction}. */
    public static String flag(Input input) {
        return input.key().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static Analysis analyse(SavingsCalculator calculator, Scenario scenario, DerivedInputs inputs,
                                    CostRequest request) {
        Sensitivity sensitivity = new Sensitivity(calculator);
        MonteCarloResult monteCarlo = request.monteCarloSamples() > 0
                ? new MonteCarlo(calculator).run(inputs.values(), scenario.uncertainty(), request.monteCarloSamples(), request.seed())
                : null;
        return new Analysis(sensitivity.retainedFraction(inputs.values()), sensitivity.imagesAnalysed(inputs.values()),
                sensitivity.tornado(inputs.values(), scenario.uncertainty()),
                new BreakEven(calculator).standard(inputs.values()), monteCarlo);
    }

    private static List<String> notes(Scenario scenario, ScenarioKind kind, TieringMode tiering, DerivedInputs inputs,
                                      FootageVolume footage) {
        List<String> notes = new ArrayList<>();
        notes.add("Money: every line item is exact until it is rounded half-up to the cent; sums add the rounded lines;"
                + " savings = (before - edge) / before, rounded half-up to two decimals of a percent when printed.");
        if (tiering == TieringMode.PUBLISHED) {
            notes.add("Tiering 'published' reproduces the published analysis, quirks included: edge storage is "
                    + Amounts.percent(inputs.values().retainedFraction()) + " of the centralized storage bill (scaled, not"
                    + " re-priced on the bands). Use --tiering list-price for correct band arithmetic.");
            for (PriceCatalog catalog : scenario.providers()) {
                for (PricedItem item : List.of(catalog.storage(), catalog.requests(), catalog.images(), catalog.ingress())) {
                    if (!item.published().equals(item.listPrice())) {
                        notes.add(catalog.label() + " " + item.service() + ": the published bands differ from the list price"
                                + (item.published().topBandOnTotal() ? " (the top rate is charged on every unit)" : "")
                                + "; see Prices.");
                    }
                }
            }
        }
        if (kind == ScenarioKind.EDGE_PUBLISHED) {
            notes.add("edge-published keeps the cloud AI bill unchanged although the edge already ran detection, and"
                    + " adds nothing for the edge nodes; --scenario edge moves AI to the edge and bills the nodes.");
        }
        if (kind == ScenarioKind.EDGE) {
            notes.add("edge: cloud AI is zero; edge nodes are billed per node-hour at the measured frames/s; the retained"
                    + " footage is uploaded and stored. Hardware bought outright, power and maintenance are not modelled.");
            BigDecimal hours = new ComputeEstimate(inputs.values().edgeFrames(), inputs.values().edgeNodes(),
                    inputs.values().framesPerSecondPerNode(), inputs.values().pricePerHour()).hours();
            BigDecimal periodHours = HOURS_PER_MONTH.multiply(BigDecimal.valueOf(footage.billingMonths()));
            if (hours.compareTo(periodHours) > 0) {
                BigDecimal needed = inputs.values().edgeNodes().multiply(hours)
                        .divide(periodHours, 0, java.math.RoundingMode.CEILING);
                notes.add("Warning: " + Amounts.quantity(inputs.values().edgeNodes()) + " edge node(s) need "
                        + Amounts.quantity(hours) + " h to process the period's frames but the period has "
                        + Amounts.quantity(periodHours) + " h: at least " + needed + " nodes are needed to keep up.");
            }
        }
        return notes;
    }
}
