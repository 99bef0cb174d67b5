package org.edgebatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} and {@code --model} options of the bench commands that run jobs, and the model they choose. */
final class BenchModelOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (models/, images/); default $EDGEBATCH_DATA, else ../shared/data.")
    Path data;

    @Option(names = "--model", paramLabel = "PATH", description = "The model (default: <data>/models/yolov5n_coco_fp16.onnx).")
    Path model;

    /** The data folder the option or the environment names. */
    DemoData dataFolder() {
        return DemoData.locate(data, System.getenv("EDGEBATCH_DATA"), System.getProperty("edgebatch.home"));
    }

    /** {@code --model}, else the data folder's YOLOv5 model; refused when neither exists. */
    Path modelFile() {
        DemoData folder = dataFolder();
        Path chosen = (model != null ? model : folder.model().orElseThrow(() -> new CommandRefusal(
                "no YOLOv5 model in " + folder.models() + " nor in the download cache; pass --model, or run edgebatch models"
                        + " pull " + DemoData.PULL_MODEL))).toAbsolutePath();
        if (!Files.isRegularFile(chosen)) {
            throw new CommandRefusal("model " + chosen + " does not exist");
        }
        return chosen;
    }
}
