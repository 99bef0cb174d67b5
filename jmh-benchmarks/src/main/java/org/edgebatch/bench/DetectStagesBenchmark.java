package org.edgebatch.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detection;
import org.edgebatch.detect.DetectionSettings;
import org.edgebatch.detect.Labels;
import org.edgebatch.detect.Letterbox;
import org.edgebatch.detect.LetterboxTransform;
import org.edgebatch.detect.ModelInput;
import org.edgebatch.detect.OutputLayout;
import org.edgebatch.detect.YoloPostprocessor;
import org.edgebatch.ort.InferenceRequest;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.ort.OrtSession;
import org.edgebatch.ort.SessionOptions;
import org.edgebatch.ort.TensorInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three stages of one detection, each alone: letterbox of a frame straight into the input tensor, the model run
 * (FFM, 2 threads), and decode + class-aware NMS + mapping back to frame pixels on that run's real output.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class DetectStagesBenchmark {

    @Param({"yolox_nano_coco", "yolov5n_coco_fp16", "yolov8n_coco_int8"})
    public String model;

    /** {@code bus.jpg} (810×1080) or {@code 1080p} (a 1920×1080 frame). */
    @Param({"1080p", "bus.jpg"})
    public String frame;

    private OrtRuntime runtime;
    private OrtSession session;
    private InferenceRequest request;
    private BgrImage image;
    private Letterbox letterbox;
    private LetterboxTransform transform;
    private YoloPostprocessor postprocessor;
    private org.edgebatch.ort.ElementType outputType;

    @Setup(Level.Trial)
    public void open() {
        BenchmarkData data = BenchmarkData.locate();
        runtime = OrtRuntime.create();
        session = runtime.openSession(data.model(model), SessionOptions.defaults().withIntraOpThreads(InferenceBenchmark.THREADS));
        request = session.newRequest();
        TensorInfo input = request.inputInfo(0);
        TensorInfo output = request.outputInfo(0);
        ModelInput modelInput = new ModelInput((int) input.shape()[3], (int) input.shape()[2], input.elementType());
        OutputLayout layout = OutputLayout.detect(output.shape(), modelInput.width(), modelInput.height());
        image = data.image(frame);
        letterbox = new Letterbox(layout.letterboxStyle(), modelInput);
        postprocessor = new YoloPostprocessor(layout.decoder(output.shape(), modelInput.width(), modelInput.height()),
                Labels.coco(), DetectionSettings.defaults());
        outputType = output.elementType();
        transform = letterbox.apply(image, request.input(0));
        request.run();
        if (postprocess().isEmpty()) {
            throw new IllegalStateException(model + " found nothing in " + frame + "; the decode benchmark would be empty");
        }
    }

    @Benchmark
    public LetterboxTransform preprocess() {
        return letterbox.apply(image, request.input(0));
    }

    @Benchmark
    public void inference() {
        request.run();
    }

    @Benchmark
    public List<Detection> postprocess() {
        return postprocessor.process(request.output(0), outputType, transform);
    }

    @TearDown(Level.Trial)
    public void close() {
        request.close();
        session.close();
        runtime.close();
    }
}
