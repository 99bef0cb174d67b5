package org.edgebatch.samples.custom;

import java.util.Arrays;
import org.edgebatch.detect.LetterboxStyle;
import org.edgebatch.detect.OutputDecoder;
import org.edgebatch.detect.YoloDecoder;

/**
 * An output decoder EdgeBatch does not ship, found by its name, {@value #NAME}, through
 * {@code META-INF/services/org.edgebatch.detect.OutputDecoder}: it reads a YOLOv5-style head {@code [1, N, 5 + C]}
 * as a one-class "anything there" detector, the way a single-class model (forklifts, pallets) would report.
 */
public class AnyObjectDecoder implements OutputDecoder {

    /** The name {@code edgebatch.model.layout} gives. */
    public static final String NAME = "any-object";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LetterboxStyle letterboxStyle() {
        return LetterboxStyle.ULTRALYTICS;
    }

    @Override
    public YoloDecoder decoder(long[] outputShape, int inputWidth, int inputHeight) {
        if (outputShape.length != 3 || outputShape[0] != 1 || outputShape[2] < 6 || outputShape[1] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("output shape " + Arrays.toString(outputShape) + " is not [1, N, 5+C]");
        }
        return new ObjectnessRows((int) outputShape[1], (int) outputShape[2]);
    }
}
