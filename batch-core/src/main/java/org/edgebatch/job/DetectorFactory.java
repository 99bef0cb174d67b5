package org.edgebatch.job;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.detect.OutputDecoders;
import org.edgebatch.ort.ExecutionProvider;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.ort.SessionOptions;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.ModelSpec;

/**
 * Opens the detector a job spec describes, on the process's ONNX Runtime, and says how a node spends the spec's
 * {@code threads}: {@link #streams} frames inferred at once, each on {@code intraOpThreads} ONNX Runtime threads. The
 * runtime is asked for only when a detector is first opened, so commands that merely read the job repository
 * ({@code status}, {@code jobs}) never load the native library.
 */
public final class DetectorFactory {

    private final Supplier<OrtRuntime> runtime;
    private final int intraOpThreads;
    private final boolean spinning;
    private final int nodeThreads;

    /**
     * @param intraOpThreads ONNX Runtime threads per inference (at most the spec's {@code threads})
     * @param spinning       whether ONNX Runtime's idle intra-op threads spin waiting for work (its default) rather
     *                       than sleep; spinning threads take the cores the job's decoder threads need
     */
    public DetectorFactory(Supplier<OrtRuntime> runtime, int intraOpThreads, boolean spinning) {
        this(runtime, intraOpThreads, spinning, 0);
    }

    /**
     * @param nodeThreads the inference threads of this process's node, taking the place of the spec's {@code threads}
     *                    (a worker knows its machine; 0: the spec's)
     */
    public DetectorFactory(Supplier<OrtRuntime> runtime, int intraOpThreads, boolean spinning, int nodeThreads) {
        this.runtime = Objects.requireNonNull(runtime, "runtime must not be null");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
        this.intraOpThreads = intraOpThreads;
        this.spinning = spinning;
        if (nodeThreads < 0) {
            throw new IllegalArgumentException("nodeThreads must not be negative, was " + nodeThreads);
        }
        this.nodeThreads = nodeThreads;
    }

    /** The inference threads a node has for this spec: this process's node setting, else the spec's {@code threads}. */
    public int threads(JobSpec spec) {
        return nodeThreads > 0 ? nodeThreads : spec.threads();
    }

    /** How many frames a node infers at once: the spec's {@code threads} over the threads of one inference. */
    public int streams(JobSpec spec) {
        return Math.max(1, threads(spec) / intraOpThreads(spec));
    }

    /** ONNX Runtime threads of each of the node's inferences: the process setting, at most the spec's {@code threads}. */
    public int intraOpThreads(JobSpec spec) {
        return Math.min(intraOpThreads, threads(spec));
    }

    /** A detector with the spec's model, provider and filters, one inference on {@code intraOpThreads} threads. */
    public Detector open(JobSpec spec) {
        return Detector.open(runtime.get(), config(spec));
    }

    DetectorConfig config(JobSpec spec) {
        ModelSpec model = spec.model();
        return new DetectorConfig(model.path(), ExecutionProvider.byName(model.provider()), intraOpThreads(spec),
                (float) model.confidence(), (float) model.iou(), model.classes(), model.maxDetections(),
                model.labels(), model.layout().map(OutputDecoders::byName),
                Map.of(SessionOptions.ALLOW_INTRA_OP_SPINNING, spinning ? "1" : "0"));
    }
}
