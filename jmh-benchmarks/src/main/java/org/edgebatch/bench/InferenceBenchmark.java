package org.edgebatch.bench;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.edgebatch.detect.Letterbox;
import org.edgebatch.detect.ModelInput;
import org.edgebatch.detect.OutputLayout;
import org.edgebatch.ort.ElementType;
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
 * One model run on a letterboxed bus.jpg at 2 intra-op threads: through our FFM binding ({@code ffm}, one
 * {@link InferenceRequest} with pre-bound outputs) and through ONNX Runtime's own Java API 1.29.0 — as usually called
 * ({@code jni}: {@code run} allocates the outputs each call) and at its best ({@code jniPinned}: outputs pinned to
 * pre-allocated tensors). Same library version, same input bytes, same session settings.
 *
 * <p>{@code idle} runs nothing and parks for {@value #IDLE_MILLIS} ms: JMH's {@code -prof gc} counts the allocations of
 * every thread of the JVM, so a slow operation is charged with the harness's own background allocation; the idle
 * binding shows that floor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class InferenceBenchmark {

    static final int THREADS = 2;
    static final int IDLE_MILLIS = 20;

    @Param({"yolox_nano_coco", "yolov5n_coco_fp16", "yolov8n_coco_int8"})
    public String model;

    @Param({"ffm", "jni", "jniPinned", "idle"})
    public String binding;

    /** Whether ONNX Runtime's idle intra-op threads spin (its default) or sleep; the FFM binding only. */
    @Param({"true"})
    public boolean spinning;

    private OrtRuntime runtime;
    private OrtSession session;
    private InferenceRequest request;

    private ai.onnxruntime.OrtSession jniSession;
    private Map<String, OnnxTensor> jniInputs;
    private Map<String, OnnxTensor> jniOutputs;

    @Setup(Level.Trial)
    public void open() throws OrtException {
        BenchmarkData data = BenchmarkData.locate();
        Path path = data.model(model);
        // The FFM session also prepares the input bytes both bindings are given.
        runtime = OrtRuntime.create();
        session = runtime.openSession(path, SessionOptions.defaults().withIntraOpThreads(THREADS)
                .withConfigEntry(SessionOptions.ALLOW_INTRA_OP_SPINNING, spinning ? "1" : "0"));
        request = session.newRequest();
        TensorInfo input = request.inputInfo(0);
        TensorInfo output = request.outputInfo(0);
        ModelInput modelInput = new ModelInput((int) input.shape()[3], (int) input.shape()[2], input.elementType());
        OutputLayout layout = OutputLayout.detect(output.shape(), modelInput.width(), modelInput.height());
        new Letterbox(layout.letterboxStyle(), modelInput).apply(data.image("bus.jpg"), request.input(0));
        if (binding.equals("ffm")) {
            return;
        }
        if (binding.equals("idle")) {
            closeFfm();
            return;
        }
        if (!binding.startsWith("jni")) {
            throw new IllegalArgumentException("binding must be ffm, jni, jniPinned or idle, was " + binding);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (ai.onnxruntime.OrtSession.SessionOptions options = new ai.onnxruntime.OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(THREADS);
            options.setOptimizationLevel(ai.onnxruntime.OrtSession.SessionOptions.OptLevel.ALL_OPT);
            jniSession = environment.createSession(path.toString(), options);
        }
        jniInputs = Map.of(input.name(), OnnxTensor.createTensor(environment, copyOf(request.input(0)), input.shape(),
                javaType(input.elementType())));
        if (binding.equals("jniPinned")) {
            ByteBuffer outputBuffer = ByteBuffer.allocateDirect((int) output.byteSize()).order(ByteOrder.nativeOrder());
            jniOutputs = Map.of(output.name(), OnnxTensor.createTensor(environment, outputBuffer, output.shape(),
                    javaType(output.elementType())));
        }
        closeFfm();
    }

    @Benchmark
    public byte run() throws OrtException {
        if (request != null) {
            request.run();
            return request.output(0).get(ValueLayout.JAVA_BYTE, 0);
        }
        if (jniSession == null) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS));
            return 0;
        }
        if (jniOutputs != null) {
            try (ai.onnxruntime.OrtSession.Result result = jniSession.run(jniInputs, jniOutputs)) {
                return (byte) result.size();
            }
        }
        try (ai.onnxruntime.OrtSession.Result result = jniSession.run(jniInputs)) {
            return ((OnnxTensor) result.get(0)).getByteBuffer().get(0);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws OrtException {
        if (request != null) {
            request.close();
            session.close();
        }
        if (jniSession != null) {
            jniInputs.values().forEach(OnnxTensor::close);
            if (jniOutputs != null) {
                jniOutputs.values().forEach(OnnxTensor::close);
            }
            jniSession.close();
        }
        runtime.close();
    }

    private void closeFfm() {
        request.close();
        session.close();
        request = null;
        session = null;
    }

    private static ByteBuffer copyOf(MemorySegment segment) {
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) segment.byteSize()).order(ByteOrder.nativeOrder());
        MemorySegment.ofBuffer(buffer).copyFrom(segment);
        return buffer;
    }

    private static OnnxJavaType javaType(ElementType type) {
        return switch (type) {
            case FLOAT32 -> OnnxJavaType.FLOAT;
            case FLOAT16 -> OnnxJavaType.FLOAT16;
            case UINT8 -> OnnxJavaType.UINT8;
            default -> throw new IllegalArgumentException("no ONNX Runtime Java type for " + type);
        };
    }
}
