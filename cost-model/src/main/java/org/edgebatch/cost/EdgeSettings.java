package org.edgebatch.cost;

import java.math.BigDecimal;

/**
 * The edge side of a scenario: the fraction of footage kept (the significant part), requests per centralized
 * request, the site's uplink price, and the compute: nodes, price per node-hour, frames/s per node, and whether
 * the edge runs the detector on every frame or only on the frames the cloud would have analysed.
 */
public record EdgeSettings(BigDecimal retainedFraction, BigDecimal accessFactor, BigDecimal uplinkPricePerGb,
                           BigDecimal nodes, BigDecimal pricePerHour, BigDecimal framesPerSecondPerNode,
                           boolean everyFrame) {

    public EdgeSettings {
        Input.RETAINED_FRACTION.check(retainedFraction);
        Input.ACCESS_FACTOR.check(accessFactor);
        Input.UPLINK_PRICE_PER_GB.check(uplinkPricePerGb);
        Input.EDGE_NODES.check(nodes);
        Input.PRICE_PER_HOUR.check(pricePerHour);
        Input.FPS_PER_NODE.check(framesPerSecondPerNode);
    }
}
