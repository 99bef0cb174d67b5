package org.edgebatch.cost.report;

import java.math.BigDecimal;
import java.util.Map;
import org.edgebatch.cost.Amounts;
import org.edgebatch.cost.CostLine;
import org.edgebatch.cost.CostRow;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.Money;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.ProviderComparison;
import org.edgebatch.cost.analysis.BreakEvenResult;
import org.edgebatch.cost.analysis.MonteCarloResult;
import org.edgebatch.cost.analysis.Sweep;
import org.edgebatch.cost.analysis.Swing;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The report as JSON: amounts as decimal numbers with cents, savings as percentages rounded to two decimals. */
public final class JsonReport {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public String render(CostReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("scenario", report.scenarioName());
        root.put("comparison", report.kind().key());
        root.put("tiering", report.tiering().key());
        root.put("footage", report.footage());
        ArrayNode columns = root.putArray("columns");
        report.table().columns().forEach(c -> columns.add(c.label()));
        ArrayNode rows = root.putArray("rows");
        for (ProviderComparison comparison : report.table().comparisons()) {
            row(rows.addObject(), comparison, comparison.before(), "before", null);
            comparison.edgeRow().ifPresent(edge -> row(rows.addObject(), comparison, edge, "edge",
                    comparison.savings().orElseThrow()));
        }
        if (report.claimEstimate() != null) {
            ObjectNode claim = root.putObject("computeClaim");
            claim.put("footageHours", report.claim().footageHours());
            claim.put("frames", report.claimEstimate().frames());
            claim.put("nodes", report.claimEstimate().nodes());
            claim.put("hours", report.claimEstimate().hours().stripTrailingZeros());
            claim.put("cost", Money.cents(report.claimEstimate().cost()));
            if (report.claim().quoted() != null) {
                claim.put("quoted", Money.cents(report.claim().quoted()));
            }
            claim.put("formula", report.claimEstimate().formula());
        }
        ObjectNode inputs = root.putObject("inputs");
        for (Input input : Input.values()) {
            ObjectNode node = inputs.putObject(input.key());
            node.put("value", report.inputs().values().get(input).stripTrailingZeros());
            node.put("source", report.inputs().source(input));
        }
        if (!report.run().isEmpty()) {
            ArrayNode run = root.putArray("run");
            report.run().forEach(run::add);
        }
        if (report.analysis() != null) {
            analysis(root, report.analysis());
        }
        ArrayNode catalogs = root.putArray("catalogs");
        for (PriceCatalog catalog : report.catalogs()) {
            ObjectNode node = catalogs.addObject();
            node.put("provider", catalog.provider());
            node.put("readOn", catalog.readOn().toString());
            node.put("source", catalog.source());
            node.put("units", catalog.units());
        }
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void row(ObjectNode node, ProviderComparison comparison, CostRow row, String variant, BigDecimal savings) {
        node.put("label", row.label());
        node.put("provider", comparison.catalog().provider());
        node.put("variant", variant);
        ArrayNode lines = node.putArray("lines");
        for (CostLine line : row.lines()) {
            ObjectNode l = lines.addObject();
            l.put("category", line.category().label());
            l.put("amount", line.amount());
            l.put("formula", line.formula());
        }
        node.put("sum", row.sum());
        if (savings != null) {
            node.put("savingsPercent", Amounts.percentNumber(savings));
        }
    }

    private static void analysis(ObjectNode root, Analysis analysis) {
        ArrayNode breakEvens = root.putArray("breakEven");
        for (BreakEvenResult result : analysis.breakEvens()) {
            ObjectNode node = breakEvens.addObject();
            node.put("provider", result.provider());
            node.put("input", result.input().key());
            node.put("lo", result.lo());
            node.put("hi", result.hi());
            if (result.value().isPresent()) {
                node.put("value", result.value().getAsDouble());
            } else {
                node.putNull("value");
            }
            node.put("savingsAtLo", result.savingsAtLo());
            node.put("savingsAtHi", result.savingsAtHi());
            node.put("text", result.describe());
        }
        ObjectNode sensitivity = root.putObject("sensitivity");
        sweep(sensitivity.putObject(analysis.retainedFraction().input().key()), analysis.retainedFraction());
        sweep(sensitivity.putObject(analysis.imagesAnalysed().input().key()), analysis.imagesAnalysed());
        ArrayNode tornado = root.putArray("tornado");
        for (Swing swing : analysis.tornado()) {
            ObjectNode node = tornado.addObject();
            node.put("provider", swing.provider());
            node.put("input", swing.input());
            node.put("low", swing.low());
            node.put("high", swing.high());
            node.put("savingsAtLow", swing.savingsAtLow());
            node.put("savingsAtHigh", swing.savingsAtHigh());
        }
        if (analysis.monteCarlo() != null) {
            MonteCarloResult mc = analysis.monteCarlo();
            ObjectNode node = root.putObject("monteCarlo");
            node.put("samples", mc.samples());
            node.put("seed", mc.seed());
            ArrayNode inputs = node.putArray("inputs");
            mc.inputs().forEach(inputs::add);
            ArrayNode outcomes = node.putArray("outcomes");
            for (MonteCarloResult.Outcome outcome : mc.outcomes()) {
                ObjectNode o = outcomes.addObject();
                o.put("provider", outcome.provider());
                o.put("mean", outcome.mean());
                o.put("p5", outcome.p5());
                o.put("p95", outcome.p95());
                o.put("min", outcome.min());
                o.put("max", outcome.max());
                o.put("probabilityOfSaving", outcome.probabilityOfSaving());
                ObjectNode correlation = o.putObject("rankCorrelation");
                for (Map.Entry<String, Double> e : outcome.rankCorrelation().entrySet()) {
                    if (e.getValue().isNaN()) {
                        correlation.putNull(e.getKey());
                    } else {
                        correlation.put(e.getKey(), e.getValue());
                    }
                }
            }
        }
    }

    private static void sweep(ObjectNode node, Sweep sweep) {
        ArrayNode values = node.putArray("values");
        for (double v : sweep.values()) {
            values.add(v);
        }
        ObjectNode savings = node.putObject("savings");
        for (Sweep.Series series : sweep.series()) {
            ArrayNode s = savings.putArray(series.provider());
            for (double v : series.savings()) {
                s.add(v);
            }
        }
    }
}
