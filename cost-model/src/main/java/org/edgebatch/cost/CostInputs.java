package org.edgebatch.cost;

import java.math.BigDecimal;

/**
 * Every number one comparison needs, for one billing period: cloud volumes (stored GB-months, requests, images,
 * GB uploaded), the edge assumptions (retained fraction, access factor) and the edge compute (frames processed per
 * image, nodes, measured frames/s per node, price per node-hour, uplink price).
 */
public record CostInputs(BigDecimal storedGbMonths, BigDecimal requests, BigDecimal images, BigDecimal uploadedGb,
                         BigDecimal retainedFraction, BigDecimal accessFactor, BigDecimal edgeFramesPerImage,
                         BigDecimal edgeNodes, BigDecimal framesPerSecondPerNode, BigDecimal pricePerHour,
                         BigDecimal uplinkPricePerGb) {

    public CostInputs {
        for (Input input : Input.values()) {
            input.check(value(input, storedGbMonths, requests, images, uploadedGb, retainedFraction, accessFactor,
                    edgeFramesPerImage, edgeNodes, framesPerSecondPerNode, pricePerHour, uplinkPricePerGb));
        }
    }

    public BigDecimal get(Input input) {
        return value(input, storedGbMonths, requests, images, uploadedGb, retainedFraction, accessFactor,
                edgeFramesPerImage, edgeNodes, framesPerSecondPerNode, pricePerHour, uplinkPricePerGb);
    }

    /** A copy with one input changed (checked against that input's domain). */
    public CostInputs with(Input input, BigDecimal value) {
        BigDecimal[] v = new BigDecimal[Input.values().length];
        for (Input each : Input.values()) {
            v[each.ordinal()] = each == input ? value : get(each);
        }
        return new CostInputs(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    /** The frames the edge nodes process in the period. */
    public BigDecimal edgeFrames() {
        return images.multiply(edgeFramesPerImage);
    }

    private static BigDecimal value(Input input, BigDecimal storedGbMonths, BigDecimal requests, BigDecimal images,
                                    BigDecimal uploadedGb, BigDecimal retainedFraction, BigDecimal accessFactor,
                                    BigDecimal edgeFramesPerImage, BigDecimal edgeNodes, BigDecimal framesPerSecondPerNode,
                                    BigDecimal pricePerHour, BigDecimal uplinkPricePerGb) {
        return switch (input) {
            case STORED_GB_MONTHS -> storedGbMonths;
            case REQUESTS -> requests;
            case IMAGES -> images;
            case UPLOADED_GB -> uploadedGb;
            case RETAINED_FRACTION -> retainedFraction;
            case ACCESS_FACTOR -> accessFactor;
            case EDGE_FRAMES_PER_IMAGE -> edgeFramesPerImage;
            case EDGE_NODES -> edgeNodes;
            case FPS_PER_NODE -> framesPerSecondPerNode;
            case PRICE_PER_HOUR -> pricePerHour;
            case UPLINK_PRICE_PER_GB -> uplinkPricePerGb;
        };
    }
}
