package org.edgebatch.detect;

import java.nio.file.Path;
import java.util.Arrays;
import org.edgebatch.ort.ElementType;

/** What a {@link Detector} found out about its model: input, output, layout and class names. */
public record ModelInfo(Path path, String inputName, ModelInput input, long[] outputShape, ElementType outputType,
                        OutputDecoder layout, Labels labels) {

    public ModelInfo {
        outputShape = outputShape.clone();
    }

    @Override
    public long[] outputShape() {
        return outputShape.clone();
    }

    public int classCount() {
        return labels.size();
    }

    @Override
    public String toString() {
        return path.getFileName() + ": " + layout.name() + ", input " + inputName + " " + input.elementType() + " [1, 3, "
                + input.height() + ", " + input.width() + "], output " + outputType + " " + Arrays.toString(outputShape)
                + ", " + labels.size() + " classes";
    }
}
