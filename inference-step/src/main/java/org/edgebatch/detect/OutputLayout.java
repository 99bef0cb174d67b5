package org.edgebatch.detect;

import java.util.Arrays;
import java.util.Locale;

/**
 * The three YOLO output layouts, each tied to the pre-processing its family was trained with. The layout
 * is found from the output shape and the input size ({@link #detect}), or named explicitly.
 */
public enum OutputLayout implements OutputDecoder {

    /** YOLOv5 {@code [1, 3·G, 5 + C]} (3 anchors per grid cell; 25200 rows at 640). */
    YOLOV5(LetterboxStyle.ULTRALYTICS, "[1, N, 5+C]"),
    /** YOLOv8/11 {@code [1, 4 + C, G]} (8400 columns at 640). */
    YOLOV8(LetterboxStyle.ULTRALYTICS, "[1, 4+C, N]"),
    /** YOLOX {@code [1, G, 5 + C]} raw grid outputs (3549 rows at 416). */
    YOLOX(LetterboxStyle.YOLOX, "[1, N, 5+C]");

    /** The strides of the three detection heads every supported family has. */
    static final int[] STRIDES = {8, 16, 32};

    private final LetterboxStyle letterboxStyle;
    private final String shapePattern;

    OutputLayout(LetterboxStyle letterboxStyle, String shapePattern) {
        this.letterboxStyle = letterboxStyle;
        this.shapePattern = shapePattern;
    }

    @Override
    public LetterboxStyle letterboxStyle() {
        return letterboxStyle;
    }

    /** Grid cells over strides 8, 16 and 32 for an input size (8400 at 640x640, 3549 at 416x416). */
    public static int gridCells(int inputWidth, int inputHeight) {
        int cells = 0;
        for (int stride : STRIDES) {
            cells += (inputHeight / stride) * (inputWidth / stride);
        }
        return cells;
    }

    /** The layout by name: {@code yolov5}, {@code yolov8}, {@code yolo11} (same as v8) or {@code yolox}, any case. */
    public static OutputLayout byName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "yolov5", "v5" -> YOLOV5;
            case "yolov8", "v8", "yolo11", "yolov11", "11" -> YOLOV8;
            case "yolox", "x" -> YOLOX;
            default -> throw new IllegalArgumentException("unknown output layout '" + name + "'; expected yolov5, yolov8, yolo11 or yolox");
        };
    }

    /**
     * The layout whose shape this output has, for a model with the given input size.
     *
     * @throws IllegalArgumentException naming the shape when it fits no layout
     */
    public static OutputLayout detect(long[] outputShape, int inputWidth, int inputHeight) {
        long[] dims = matrix(outputShape);
        long cells = gridCells(inputWidth, inputHeight);
        if (dims != null) {
            if (dims[0] == 3 * cells && dims[1] > 5) {
                return YOLOV5;
            }
            if (dims[1] == cells && dims[0] > 4) {
                return YOLOV8;
            }
            if (dims[0] == cells && dims[1] > 5) {
                return YOLOX;
            }
        }
        throw new IllegalArgumentException("output shape " + Arrays.toString(outputShape) + " fits no YOLO layout for a "
                + inputWidth + "x" + inputHeight + " input: expected YOLOv5 [1, " + 3 * cells + ", 5+C], YOLOv8/11 [1, 4+C, "
                + cells + "] or YOLOX [1, " + cells + ", 5+C]; name the layout explicitly if the model differs");
    }

    /**
     * A decoder for an output of this layout. An explicitly named layout accepts any row count for
     * YOLOv5 and any anchor count for YOLOv8; YOLOX needs one row per grid cell to decode.
     *
     * @throws IllegalArgumentException naming the shape when it does not fit this layout
     */
    @Override
    public YoloDecoder decoder(long[] outputShape, int inputWidth, int inputHeight) {
        long[] dims = matrix(outputShape);
        int cells = gridCells(inputWidth, inputHeight);
        if (dims != null && dims[0] <= Integer.MAX_VALUE && dims[1] <= Integer.MAX_VALUE) {
            int rows = (int) dims[0];
            int columns = (int) dims[1];
            switch (this) {
                case YOLOV5 -> {
                    if (columns > 5) {
                        return new YoloV5Decoder(rows, columns - 5);
                    }
                }
                case YOLOV8 -> {
                    if (rows > 4) {
                        return new YoloV8Decoder(columns, rows - 4);
                    }
                }
                case YOLOX -> {
                    if (rows == cells && columns > 5) {
                        return new YoloXDecoder(columns - 5, inputWidth, inputHeight);
                    }
                }
            }
        }
        throw new IllegalArgumentException("output shape " + Arrays.toString(outputShape) + " does not fit the " + this
                + " layout " + shapePattern.replace("N", this == YOLOX ? String.valueOf(cells) : "N") + " for a "
                + inputWidth + "x" + inputHeight + " input");
    }

    /** The two trailing dimensions of {@code [1, a, b]} or {@code [a, b]}; null for any other shape. */
    private static long[] matrix(long[] shape) {
        if (shape == null) {
            return null;
        }
        if (shape.length == 3 && shape[0] == 1 && shape[1] > 0 && shape[2] > 0) {
            return new long[] {shape[1], shape[2]};
        }
        if (shape.length == 2 && shape[0] > 0 && shape[1] > 0) {
            return new long[] {shape[0], shape[1]};
        }
        return null;
    }
}
