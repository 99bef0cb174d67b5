package org.edgebatch.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detection;
import org.edgebatch.detect.DetectionPainter;
import org.edgebatch.detect.DetectionResult;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.detect.OutputDecoders;
import org.edgebatch.ort.ExecutionProvider;
import org.edgebatch.ort.OrtRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code edgebatch detect}: runs a YOLO model on still images and prints (or draws) what it finds. */
@Command(name = "detect",
        mixinStandardHelpOptions = true,
        versionProvider = EdgeBatchVersion.class,
        description = {"Runs a YOLO model (YOLOv5, YOLOv8/11 or YOLOX, ONNX) on images and prints the objects found.",
                "An image that cannot be read is reported on stderr and skipped; the exit code is then 1."})
final class DetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "ONNX", description = "The model file.")
    Path model;

    @Option(names = "--provider", defaultValue = "cpu", paramLabel = "NAME",
            description = "Execution provider: cpu, openvino, tensorrt or cuda (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "Intra-op threads; 0 lets ONNX Runtime choose (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--conf", defaultValue = "0.25", paramLabel = "SCORE",
            description = "Keep boxes scoring above this (default: ${DEFAULT-VALUE}).")
    float confidence;

    @Option(names = "--iou", defaultValue = "0.45", paramLabel = "IOU",
            description = "NMS overlap threshold (default: ${DEFAULT-VALUE}).")
    float iou;

    @Option(names = "--classes", split = ",", paramLabel = "NAME|ID",
            description = "Only these classes, by name or id, comma-separated (e.g. person,car).")
    List<String> classes = List.of();

    @Option(names = "--max-det", defaultValue = "300", paramLabel = "N",
            description = "At most this many boxes per image (default: ${DEFAULT-VALUE}).")
    int maxDetections;

    @Option(names = "--labels", paramLabel = "FILE", description = "Class names, one per line (default: the model's own, else COCO-80).")
    Path labels;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "Output layout when the shape cannot tell: yolov5, yolov8, yolo11 or yolox (default: from the output shape).")
    String layout;

    @Option(names = "--json", description = "One JSON object per image per line.")
    boolean json;

    @Option(names = "--annotate", paramLabel = "DIR", description = "Also write each image with its boxes drawn into DIR.")
    Path annotateDirectory;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images to run on (JPEG, PNG, BMP, GIF).")
    List<Path> images;

    // Made when this command runs, not when picocli builds the command line: every other command would pay for
    // Jackson's and AWT's start-up.
    private ObjectMapper mapper;
    private DetectionPainter painter;

    @Override
    public Integer call() {
        mapper = JsonMapper.builder().build();
        painter = new DetectionPainter();
        DetectorConfig config = config();
        if (annotateDirectory != null) {
            try {
                Files.createDirectories(annotateDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the annotate directory " + annotateDirectory + ": " + e.getMessage(), e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        try (OrtRuntime runtime = OrtRuntime.create(); Detector detector = Detector.open(runtime, config)) {
            for (Path image : images) {
                try {
                    detect(detector, image, out);
                } catch (RuntimeException e) {
                    err.println("edgebatch detect: " + ErrorMessageHandler.describe(e));
                    failed++;
                }
                out.flush();
            }
        }
        err.flush();
        return failed == 0 ? 0 : 1;
    }

    private DetectorConfig config() {
        return new DetectorConfig(model, ExecutionProvider.byName(provider), threads, confidence, iou, classes, maxDetections,
                Optional.ofNullable(labels), Optional.ofNullable(layout).map(OutputDecoders::byName));
    }

    private void detect(Detector detector, Path path, PrintWriter out) {
        BgrImage image = BgrImage.of(read(path));
        DetectionResult result = detector.detect(image);
        if (json) {
            out.println(mapper.writeValueAsString(ImageReport.of(path, result)));
        } else {
            printTable(path, result, out);
        }
        if (annotateDirectory != null) {
            annotate(path, image, result.detections());
        }
    }

    private static BufferedImage read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("image " + path + " does not exist or is not a file");
        }
        try {
            BufferedImage image = ImageIO.read(path.toFile());
            if (image == null) {
                throw new IllegalArgumentException("cannot read image " + path + ": not a JPEG, PNG, BMP or GIF file");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + path + ": " + e.getMessage(), e);
        }
    }

    private void annotate(Path path, BgrImage image, List<Detection> detections) {
        String name = path.getFileName().toString();
        String format = name.toLowerCase(Locale.ROOT).endsWith(".png") ? "png" : "jpg";
        Path target = annotateDirectory.resolve(name.replaceFirst("\\.[^.]*$", "") + "." + format);
        try {
            ImageIO.write(painter.annotate(image, detections), format, target.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write annotated image " + target + ": " + e.getMessage(), e);
        }
    }

    private static void printTable(Path path, DetectionResult result, PrintWriter out) {
        out.printf(Locale.ROOT, "%s  %dx%d  inference %.1f ms  %d object%s%n", path, result.width(), result.height(),
                result.inferenceMillis(), result.detections().size(), result.detections().size() == 1 ? "" : "s");
        if (result.detections().isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  %-16s %6s %8s %8s %8s %8s%n", "label", "score", "x1", "y1", "x2", "y2");
        for (Detection d : result.detections()) {
            out.printf(Locale.ROOT, "  %-16s %6.3f %8.1f %8.1f %8.1f %8.1f%n", d.label(), d.score(), d.x1(), d.y1(), d.x2(), d.y2());
        }
    }

    /** One line of {@code --json} output. */
    record ImageReport(String source, int width, int height, double inferenceMillis, List<DetectionReport> detections) {

        static ImageReport of(Path source, DetectionResult result) {
            return new ImageReport(source.toString(), result.width(), result.height(), round(result.inferenceMillis(), 3),
                    result.detections().stream().map(DetectionReport::of).toList());
        }
    }

    /** One detection in {@code --json} output; the box is {@code [x1, y1, x2, y2]} in image pixels. */
    record DetectionReport(String label, int classId, double score, double[] box) {

        static DetectionReport of(Detection d) {
            return new DetectionReport(d.label(), d.classId(), round(d.score(), 4),
                    new double[] {round(d.x1(), 2), round(d.y1(), 2), round(d.x2(), 2), round(d.y2(), 2)});
        }
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
