package org.edgebatch.detect;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.edgebatch.ort.InferenceRequest;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.ort.OrtSession;
import org.edgebatch.ort.SessionOptions;
import org.edgebatch.ort.TensorInfo;

/**
 * A YOLO model ready to run on images: letterbox straight into the model's input memory, one ONNX
 * Runtime run, decode, NMS, boxes back in image pixels.
 *
 * <p>Thread-safe. Each concurrent call gets its own {@link InferenceRequest} (with its pre-processing
 * tables and decode buffers); requests are kept in a pool owned by this detector and reused by
 * whichever thread comes next, so a thread pool of N threads ends up with at most N requests and
 * short-lived or virtual threads do not each pin native memory. {@link #close()} waits for running
 * calls and closes every request and the session. The {@link OrtRuntime} stays the caller's.
 */
public final class Detector implements AutoCloseable {

    /** Used for an input whose height or width the model leaves dynamic. */
    static final int DEFAULT_INPUT_SIZE = 640;

    private final OrtSession session;
    private final ModelInfo model;
    private final DetectionSettings settings;
    private final long[] inputShape;
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private Detector(OrtSession session, ModelInfo model, DetectionSettings settings, long[] inputShape, Worker first) {
        this.session = session;
        this.model = model;
        this.settings = settings;
        this.inputShape = inputShape;
        workers.add(first);
        idle.push(first);
    }

    /**
     * Opens the model on {@code runtime}, finds its input, output layout and class names, and checks
     * the configuration against them.
     *
     * @throws IllegalArgumentException naming the model and what about it or the configuration is wrong
     * @throws org.edgebatch.ort.OrtException with ONNX Runtime's message when the model cannot be loaded
     */
    public static Detector open(OrtRuntime runtime, DetectorConfig config) {
        Objects.requireNonNull(runtime, "runtime must not be null");
        Objects.requireNonNull(config, "config must not be null");
        Path path = config.model();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("model file " + path + " does not exist or is not a file");
        }
        SessionOptions options = SessionOptions.defaults()
                .withExecutionProvider(config.provider())
                .withIntraOpThreads(config.intraOpThreads())
                .withConfigEntries(config.sessionConfig());
        OrtSession session = runtime.openSession(path, options);
        Worker first = null;
        try {
            TensorInfo inputInfo = imageInput(session, path);
            long[] inputShape = concreteInputShape(inputInfo);
            ModelInput input = modelInput(inputInfo, inputShape, path);
            InferenceRequest request = session.newRequest(inputShape);
            TensorInfo outputInfo = request.outputInfo(0);
            long[] outputShape;
            if (outputInfo.isStatic()) {
                outputShape = outputInfo.shape();
            } else {
                // Only a run tells a dynamic output's shape; a zero image is as good as any.
                request.input(0).fill((byte) 0);
                request.run();
                outputShape = request.outputShape(0);
            }
            OutputDecoder layout = config.layout().orElseGet(() -> detectLayout(outputShape, input, path));
            YoloDecoder decoder = decoder(layout, outputShape, input, path);
            Labels labels = labels(config, session, decoder.classCount(), path);
            DetectionSettings settings = new DetectionSettings(config.confidence(), config.iou(), config.maxDetections(),
                    labels.filter(config.classes()));
            ModelInfo model = new ModelInfo(path, inputInfo.name(), input, outputShape, outputInfo.elementType(), layout, labels);
            first = new Worker(request, model, decoder, settings);
            return new Detector(session, model, settings, inputShape, first);
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    /** The model as the detector understood it. */
    public ModelInfo model() {
        return model;
    }

    public DetectionSettings settings() {
        return settings;
    }

    /** Detections in {@code image}, in its pixels, by descending score. */
    public DetectionResult detect(BgrImage image) {
        Objects.requireNonNull(image, "image must not be null");
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the detector for " + model.path() + " is closed");
            }
            Worker worker = idle.poll();
            if (worker == null) {
                worker = newWorker();
            }
            try {
                return worker.detect(image);
            } finally {
                idle.push(worker);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Inference requests created so far: the most calls that ran at once. */
    public int requestCount() {
        synchronized (workers) {
            return workers.size();
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (workers) {
                for (Worker worker : workers) {
                    worker.request.close();
                }
                workers.clear();
            }
            idle.clear();
            session.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private Worker newWorker() {
        InferenceRequest request = session.newRequest(inputShape);
        YoloDecoder decoder = model.layout().decoder(model.outputShape(), model.input().width(), model.input().height());
        Worker worker = new Worker(request, model, decoder, settings);
        synchronized (workers) {
            workers.add(worker);
        }
        return worker;
    }

    private static TensorInfo imageInput(OrtSession session, Path path) {
        List<TensorInfo> inputs = session.inputs();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("model " + path + " has " + inputs.size() + " inputs "
                    + inputs.stream().map(TensorInfo::name).toList() + "; a detector needs exactly one image input");
        }
        TensorInfo input = inputs.getFirst();
        long[] shape = input.shape();
        if (shape.length != 4 || (shape[0] != 1 && shape[0] != -1) || (shape[1] != 3 && shape[1] != -1)) {
            throw new IllegalArgumentException("model " + path + " input '" + input.name() + "' has shape "
                    + Arrays.toString(shape) + "; a detector needs an NCHW image input [1, 3, height, width]");
        }
        if (session.outputs().isEmpty()) {
            throw new IllegalArgumentException("model " + path + " has no outputs");
        }
        return input;
    }

    private static long[] concreteInputShape(TensorInfo input) {
        long[] shape = input.shape();
        return new long[] {1, 3,
                shape[2] > 0 ? shape[2] : DEFAULT_INPUT_SIZE,
                shape[3] > 0 ? shape[3] : DEFAULT_INPUT_SIZE};
    }

    private static ModelInput modelInput(TensorInfo input, long[] shape, Path path) {
        try {
            return new ModelInput((int) shape[3], (int) shape[2], input.elementType());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model " + path + " input '" + input.name() + "': " + e.getMessage(), e);
        }
    }

    private static OutputLayout detectLayout(long[] outputShape, ModelInput input, Path path) {
        try {
            return OutputLayout.detect(outputShape, input.width(), input.height());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model " + path + ": " + e.getMessage(), e);
        }
    }

    private static YoloDecoder decoder(OutputDecoder layout, long[] outputShape, ModelInput input, Path path) {
        try {
            return layout.decoder(outputShape, input.width(), input.height());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model " + path + ": " + e.getMessage(), e);
        }
    }

    /** A labels file wins, then names stored in the model, then COCO for an 80-class model, then numbers. */
    private static Labels labels(DetectorConfig config, OrtSession session, int classes, Path path) {
        if (config.labels().isPresent()) {
            Path file = config.labels().get();
            Labels labels = Labels.read(file);
            if (labels.size() != classes) {
                throw new IllegalArgumentException("labels file " + file + " names " + labels.size()
                        + " classes but model " + path + " predicts " + classes);
            }
            return labels;
        }
        return Labels.fromMetadata(session.customMetadata())
                .filter(labels -> labels.size() == classes)
                .orElseGet(() -> classes == Labels.coco().size() ? Labels.coco() : Labels.numbered(classes));
    }

    /** One request with the per-thread state around it; used by one call at a time. */
    private static final class Worker {

        private final InferenceRequest request;
        private final ModelInfo model;
        private final Letterbox letterbox;
        private final YoloPostprocessor postprocessor;

        Worker(InferenceRequest request, ModelInfo model, YoloDecoder decoder, DetectionSettings settings) {
            this.request = request;
            this.model = model;
            this.letterbox = new Letterbox(model.layout().letterboxStyle(), model.input());
            this.postprocessor = new YoloPostprocessor(decoder, model.labels(), settings);
        }

        DetectionResult detect(BgrImage image) {
            long start = System.nanoTime();
            LetterboxTransform transform = letterbox.apply(image, request.input(0));
            long preprocessed = System.nanoTime();
            request.run();
            long inferred = System.nanoTime();
            MemorySegment output = request.output(0);
            List<Detection> detections = postprocessor.process(output, model.outputType(), transform);
            long done = System.nanoTime();
            return new DetectionResult(image.width(), image.height(), detections, Duration.ofNanos(preprocessed - start),
                    Duration.ofNanos(inferred - preprocessed), Duration.ofNanos(done - inferred));
        }
    }
}
