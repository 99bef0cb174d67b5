package org.edgebatch.job;

import java.util.Objects;
import org.edgebatch.detect.Detector;
import org.edgebatch.detect.DetectorConfig;
import org.edgebatch.detect.OutputLayout;
import org.edgebatch.ort.ExecutionProvider;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.ModelSpec;

/** Opens the detector a job spec describes, on the process's ONNX Runtime. */
public final class DetectorFactory {

    private final OrtRuntime runtime;

    public DetectorFactory(OrtRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime must not be null");
    }

    /** A detector with the spec's model, provider, filters and {@code threads} intra-op threads. */
    public Detector open(JobSpec spec) {
        return Detector.open(runtime, config(spec));
    }

    static DetectorConfig config(JobSpec spec) {
        ModelSpec model = spec.model();
        DetectorConfig config = new DetectorConfig(model.path(), ExecutionProvider.byName(model.provider()), spec.threads(),
                (float) model.confidence(), (float) model.iou(), model.classes(), model.maxDetections(),
                model.labels(), model.layout().map(OutputLayout::byName));
        return config;
    }
}
