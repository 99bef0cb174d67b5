package org.edgebatch.cost.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.edgebatch.cost.Amounts;
import org.edgebatch.cost.CostInputs;
import org.edgebatch.cost.DerivedInputs;
import org.edgebatch.cost.EdgeSettings;
import org.edgebatch.cost.FootageVolume;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.Money;

/**
 * Projects a measured run to a year of footage like it at a given camera count. The run's footage (bytes and
 * frames per second of video) stands for one camera; its event artifacts over the bytes scanned are the retained
 * fraction; frames inferred over frames decoded is the share the cloud would have to analyse; the mean measured
 * frames/s of its nodes sizes the edge compute. Recording hours, retention, request segments and prices come from
 * the scenario.
 */
public final class RunProjection {

    private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final RunReport run;

    public RunProjection(RunReport run) {
        this.run = run;
    }

    /** The footage a year of {@code cameras} cameras like the run's would record, under the scenario's habits. */
    public FootageVolume footage(int cameras, FootageVolume scenarioFootage) {
        RunReport.Totals totals = run.totals();
        BigDecimal videoSeconds = totals.videoSeconds();
        BigDecimal gbPerCameraHour = Money.divide(BigDecimal.valueOf(totals.bytesScanned()).multiply(SECONDS_PER_HOUR),
                videoSeconds.multiply(BYTES_PER_GB));
        BigDecimal decodedPerSecond = Money.divide(BigDecimal.valueOf(totals.framesDecoded()), videoSeconds);
        BigDecimal inferredPerSecond = Money.divide(BigDecimal.valueOf(totals.framesInferred()), videoSeconds);
        return new FootageVolume(cameras, null, decodedPerSecond, gbPerCameraHour, scenarioFootage.hoursPerDay(),
                scenarioFootage.retentionMonths(), 12, scenarioFootage.archiveStartsFull(), inferredPerSecond,
                scenarioFootage.segmentSeconds());
    }

    public BigDecimal retainedFraction() {
        return Money.divide(BigDecimal.valueOf(run.totals().bytesEventArtifacts()),
                BigDecimal.valueOf(run.totals().bytesScanned()));
    }

    public BigDecimal analysedFraction() {
        return Money.divide(BigDecimal.valueOf(run.totals().framesInferred()),
                BigDecimal.valueOf(run.totals().framesDecoded()));
    }

    /** Mean measured frames/s over the run's nodes (the totals' figure when the report lists no node). */
    public BigDecimal framesPerSecondPerNode() {
        if (run.nodes().isEmpty()) {
            return run.totals().framesPerSecond();
        }
        BigDecimal sum = run.nodes().stream().map(RunReport.NodeTotals::framesPerSecond).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Money.divide(sum, BigDecimal.valueOf(run.nodes().size()));
    }

    public int nodes() {
        return Math.max(1, run.nodes().size());
    }

    /** The cost inputs of a year at {@code cameras} cameras, prices and access factor taken from the scenario. */
    public DerivedInputs project(int cameras, FootageVolume scenarioFootage, EdgeSettings scenarioEdge) {
        FootageVolume footage = footage(cameras, scenarioFootage);
        String measured = "measured in run " + run.jobExecutionId();
        String projected = measured + ", projected to a year of " + cameras + " cameras";
        Map<Input, String> sources = new EnumMap<>(Input.class);
        sources.put(Input.STORED_GB_MONTHS, projected + " (" + Amounts.quantity(footage.gbPerCameraHour())
                + " GB per camera-hour, retention " + footage.retentionMonths() + " months)");
        sources.put(Input.UPLOADED_GB, projected);
        sources.put(Input.IMAGES, projected + " (frames inferred / frames decoded = " + Amounts.quantity(analysedFraction()) + ")");
        sources.put(Input.REQUESTS, projected + " (one object per " + Amounts.quantity(footage.segmentSeconds()) + " s segment)");
        sources.put(Input.RETAINED_FRACTION, measured + " (bytes of event artifacts / bytes scanned)");
        sources.put(Input.EDGE_FRAMES_PER_IMAGE, measured + " (frames decoded / frames inferred: the edge decodes and gates them all)");
        sources.put(Input.EDGE_NODES, measured);
        sources.put(Input.FPS_PER_NODE, measured + " (mean over its nodes)");
        sources.put(Input.ACCESS_FACTOR, "scenario (not measured by a run)");
        sources.put(Input.PRICE_PER_HOUR, "scenario (not measured by a run)");
        sources.put(Input.UPLINK_PRICE_PER_GB, "scenario (not measured by a run)");
        CostInputs values = new CostInputs(footage.storedGbMonths(), footage.requests(), footage.images(),
                footage.uploadedGb(), retainedFraction(), scenarioEdge.accessFactor(),
                Money.divide(BigDecimal.valueOf(run.totals().framesDecoded()), BigDecimal.valueOf(run.totals().framesInferred())),
                BigDecimal.valueOf(nodes()), framesPerSecondPerNode(), scenarioEdge.pricePerHour(),
                scenarioEdge.uplinkPricePerGb());
        return new DerivedInputs(values, sources);
    }

    /** What a report projected from this run is about, in place of the scenario's own description. */
    public String describe(int cameras, String scenarioName) {
        return "Run " + run.jobExecutionId() + (run.jobName() == null ? "" : " (" + run.jobName() + ")")
                + " projected to a year of " + cameras + " camera" + (cameras == 1 ? "" : "s")
                + " like it: its bytes and frames per second of video stand for one camera; recording hours,"
                + " retention, request segments, access factor and prices come from scenario " + scenarioName + ".";
    }

    /** What the run measured, for the report. */
    public List<String> summary() {
        RunReport.Totals t = run.totals();
        List<String> lines = new ArrayList<>();
        lines.add("run " + run.jobExecutionId() + (run.jobName() == null ? "" : " (" + run.jobName() + ")") + ", "
                + run.status() + (run.startTime() == null ? "" : ", " + run.startTime() + " to " + run.endTime()));
        lines.add(Amounts.quantity(t.videoSeconds()) + " s of video in " + (t.files() == null ? "?" : t.files())
                + " files, " + Amounts.quantity(BigDecimal.valueOf(t.bytesScanned())) + " bytes scanned, "
                + Amounts.quantity(BigDecimal.valueOf(t.bytesEventArtifacts())) + " bytes of event artifacts (retained "
                + Amounts.percent(retainedFraction()) + ")");
        lines.add(Amounts.quantity(BigDecimal.valueOf(t.framesDecoded())) + " frames decoded, "
                + Amounts.quantity(BigDecimal.valueOf(t.framesInferred())) + " inferred (" + Amounts.percent(analysedFraction())
                + "), " + nodes() + " node(s) at " + Amounts.quantity(framesPerSecondPerNode()) + " frames/s each on average");
        return lines;
    }
}
