package org.edgebatch.cost;

import java.math.BigDecimal;

/**
 * Edge compute for a number of frames: {@code nodes} each processing {@code framesPerSecondPerNode} need
 * {@code frames / (nodes × fps)} hours, billed as node-hours at {@code pricePerHour}.
 */
public record ComputeEstimate(BigDecimal frames, BigDecimal nodes, BigDecimal framesPerSecondPerNode,
                              BigDecimal pricePerHour) {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    public ComputeEstimate {
        Input.EDGE_NODES.check(nodes);
        Input.FPS_PER_NODE.check(framesPerSecondPerNode);
        Input.PRICE_PER_HOUR.check(pricePerHour);
        if (frames.signum() < 0) {
            throw new IllegalArgumentException("frames must be >= 0, was " + frames.toPlainString());
        }
    }

    /** Wall-clock hours with all nodes working. */
    public BigDecimal hours() {
        return Money.divide(frames, nodes.multiply(framesPerSecondPerNode).multiply(SECONDS_PER_HOUR));
    }

    public BigDecimal nodeHours() {
        return nodes.multiply(hours());
    }

    /** Exact cost; round with {@link Money#cents} when billing it. */
    public BigDecimal cost() {
        return nodeHours().multiply(pricePerHour);
    }

    public String formula() {
        return Amounts.quantity(frames) + " frames ÷ (" + Amounts.quantity(nodes)
                + (nodes.compareTo(BigDecimal.ONE) == 0 ? " node × " : " nodes × ")
                + Amounts.quantity(framesPerSecondPerNode) + " frames/s) = " + Amounts.quantity(hours()) + " h; "
                + Amounts.quantity(nodes) + " × " + Amounts.quantity(hours()) + " h × " + Amounts.price(pricePerHour)
                + "/h = $" + Amounts.money(cost());
    }
}
