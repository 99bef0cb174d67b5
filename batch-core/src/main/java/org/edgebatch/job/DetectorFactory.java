package org.edgebatch.job;

import java.util.Objects;
import java.util.function.Supplier;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.detect.OutputLayout;
import org.edgebatch.ort.ExecutionProvider;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.ModelSpec;

/**
 * Opens the detector a job spec describes, on the process's ONNX Runtime. The runtime is asked for only when a
 * detector is first opened, so commands that merely read the job repository ({@code status}, {@code jobs}) never
 * load the native library.
 */
public final class DetectorFactory {

    private final Supplier<OrtRuntime> runtime;

    public DetectorFactory(Supplier<OrtRuntime> runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime must not be null");
    }

    /** A detector with the spec's model, provider, filters and {@code threads} intra-op threads. */
    public Detector open(JobSpec spec) {
        return Detector.open(runtime.get(), config(spec));
    }

    static DetectorConfig config(JobSpec spec) {
        ModelSpec model = spec.model();
        DetectorConfig config = new DetectorConfig(model.path(), ExecutionProvider.byName(model.provider()), spec.threads(),
                (float) model.confidence(), (float) model.iou(), model.classes(), model.maxDetections(),
                model.labels(), model.layout().map(OutputLayout::byName));
        return config;
    }
}
