package org.edgebatch.detect;

/**
 * The output-decoder SPI: how one model family's output tensor becomes boxes, and the pre-processing the family was
 * trained with. The built-in families are the {@link OutputLayout} constants; a family EdgeBatch does not know plugs in
 * with a class implementing this interface, passed to {@link DetectorConfig#withLayout(OutputDecoder)} or, to be found
 * by name ({@link OutputDecoders#byName}), listed in {@code META-INF/services/org.edgebatch.detect.OutputDecoder}
 * (such a class needs a public no-argument constructor).
 */
public interface OutputDecoder {

    /** The name a job spec or the command line uses for this decoder (compared without regard to case). */
    String name();

    /** Where the image goes in the model's input, its channel order and value range. */
    LetterboxStyle letterboxStyle();

    /**
     * A decoder for one model's output. Called once per concurrent inference, so each gets its own scratch memory.
     *
     * @param outputShape the model's first output shape, e.g. {@code [1, 25200, 85]}
     * @throws IllegalArgumentException naming the shape when this decoder cannot read it
     */
    YoloDecoder decoder(long[] outputShape, int inputWidth, int inputHeight);
}
