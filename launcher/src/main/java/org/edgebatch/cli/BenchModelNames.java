package org.edgebatch.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --data} and {@code --models} options of the bench commands that compare the data folder's models. */
final class BenchModelNames {

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (models/, images/); default $EDGEBATCH_DATA, else ../shared/data.")
    Path data;

    @Option(names = "--models", paramLabel = "NAMES", split = ",",
            defaultValue = "yolox_nano_coco,yolov5n_coco_fp16,yolov8n_coco_int8",
            description = "Comma-separated model names (default: ${DEFAULT-VALUE}).")
    List<String> models;

    /** The data folder the option or the environment names. */
    DemoData folder() {
        return DemoData.locate(data, System.getenv("EDGEBATCH_DATA"), System.getProperty("edgebatch.home"));
    }
}
