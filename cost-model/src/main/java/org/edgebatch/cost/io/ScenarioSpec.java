package org.edgebatch.cost.io;

import java.util.List;
import java.util.Map;

/** A scenario file as written (YAML); {@link ScenarioReader} validates it into a {@link org.edgebatch.cost.Scenario}. */
record ScenarioSpec(String name, String description, List<String> providers, String tiering, FootageSpec footage,
                    VolumeSpec volume, EdgeSpec edge, ClaimSpec claim, Map<String, DistributionSpec> uncertainty,
                    Map<String, CatalogSpec> catalogs) {

    /** The cameras and how their footage is recorded, kept and sampled. */
    record FootageSpec(String cameras, String resolution, String fps, String gbPerHour, String bitrateMbps,
                       String hoursPerDay, String retentionMonths, String billingMonths, String archive,
                       String analysedFps, String segmentSeconds) {
    }

    /** Volumes given outright. */
    record VolumeSpec(String storedGbMonths, String requests, String images, String uploadedGb) {
    }

    /** The edge assumptions. */
    record EdgeSpec(String retainedFraction, String accessFactor, String uplinkPricePerGb, ComputeSpec compute) {
    }

    /** The edge nodes. */
    record ComputeSpec(String nodes, String pricePerHour, String framesPerSecondPerNode, String frames) {
    }

    /** The compute claim quoted with a published table. */
    record ClaimSpec(String footageHours, String sourceFps, String quoted) {
    }

    /** An uncertain input's distribution. */
    record DistributionSpec(String distribution, String min, String max, String mode, String mean, String sd,
                            String median, String sigma) {
    }
}
