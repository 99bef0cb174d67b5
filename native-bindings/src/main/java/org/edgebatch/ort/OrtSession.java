package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An open model. Thread-safe: any number of threads may run it at once, each through its own
 * {@link InferenceRequest} or through {@link #run(Map)}. Closing it waits for runs in progress, then closes the
 * requests it created and frees the session.
 */
public final class OrtSession implements AutoCloseable {

    private final OrtContext context;
    private final MemorySegment handle;
    private final String description;
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private final Map<String, String> customMetadata;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment inputNames;
    private final MemorySegment outputNames;
    private final List<String> outputNameList;
    private final LifecycleGuard guard;
    private final Set<InferenceRequest> requests = ConcurrentHashMap.newKeySet();
    private final Consumer<OrtSession> onClose;

    /** Takes ownership of {@code handle}; releases it if the session cannot be described. */
    OrtSession(OrtContext context, MemorySegment handle, String description, Consumer<OrtSession> onClose) {
        this.context = context;
        this.handle = handle;
        this.description = description;
        this.onClose = onClose;
        this.guard = new LifecycleGuard("OrtSession for " + description);
        try {
            SessionInspector inspector = new SessionInspector(context, handle, description);
            this.inputs = inspector.inputs();
            this.outputs = inspector.outputs();
            this.customMetadata = inspector.customMetadata();
            this.outputNameList = outputs.stream().map(TensorInfo::name).toList();
            this.inputNames = NativeStrings.array(inputs.stream().map(TensorInfo::name).toList(), inputs.size(), arena);
            this.outputNames = NativeStrings.array(outputNameList, outputs.size(), arena);
        } catch (RuntimeException | Error e) {
            arena.close();
            context.api().release(OrtApi.RELEASE_SESSION, handle);
            throw e;
        }
    }

    /** The model's inputs, in order. */
    public List<TensorInfo> inputs() {
        return inputs;
    }

    /** The model's outputs, in order. */
    public List<TensorInfo> outputs() {
        return outputs;
    }

    /** The model's custom metadata (YOLOv5 exports store {@code names} and {@code stride} here). */
    public Map<String, String> customMetadata() {
        return customMetadata;
    }

    /**
     * A request with every input shape as the model declares it.
     *
     * @throws OrtException naming the first input with a dynamic dimension
     */
    public InferenceRequest newRequest() {
        long[][] shapes = new long[inputs.size()][];
        for (int i = 0; i < shapes.length; i++) {
            TensorInfo input = inputs.get(i);
            if (!input.isStatic()) {
                throw new OrtException("Input '" + input.name() + "' of " + description + " has the dynamic shape "
                        + Arrays.toString(input.shape()) + "; call newRequest(long[]...) with a concrete shape",
                        OrtErrorCode.INVALID_ARGUMENT);
            }
            shapes[i] = input.shape();
        }
        return newRequest(shapes);
    }

    /**
     * A request with concrete shapes, one per input in order; each must match the model's fixed dimensions.
     *
     * @throws OrtException naming the input whose shape does not fit
     */
    public InferenceRequest newRequest(long[]... inputShapes) {
        Objects.requireNonNull(inputShapes, "inputShapes must not be null");
        if (inputShapes.length != inputs.size()) {
            throw new OrtException(description + " has " + inputs.size() + " inputs " + inputs + "; got "
                    + inputShapes.length + " shapes", OrtErrorCode.INVALID_ARGUMENT);
        }
        TensorInfo[] concrete = new TensorInfo[inputShapes.length];
        for (int i = 0; i < inputShapes.length; i++) {
            concrete[i] = concreteInput(inputs.get(i), inputShapes[i]);
        }
        guard.enter();
        try {
            InferenceRequest request = new InferenceRequest(this, context, concrete, outputs.toArray(TensorInfo[]::new));
            requests.add(request);
            return request;
        } finally {
            guard.exit();
        }
    }

    /**
     * A tensor over caller-owned native memory (zero copy), for {@link #run(Map)}.
     *
     * @throws IllegalArgumentException when the memory is on the heap or smaller than the shape needs
     */
    public OrtValue createTensor(MemorySegment data, ElementType type, long... shape) {
        guard.enter();
        try {
            return OrtValue.overCallerMemory(context, data, type, shape);
        } finally {
            guard.exit();
        }
    }

    /**
     * Runs the model on named inputs; ONNX Runtime allocates the outputs, which the caller closes.
     *
     * @throws OrtException with ONNX Runtime's message for a missing or unknown input, a wrong shape or type
     */
    public OrtOutputs run(Map<String, OrtValue> namedInputs) {
        Objects.requireNonNull(namedInputs, "inputs must not be null");
        guard.enter();
        List<OrtValue> entered = new ArrayList<>(namedInputs.size());
        try (Arena call = Arena.ofConfined()) {
            int count = namedInputs.size();
            MemorySegment names = call.allocate(ADDRESS, Math.max(count, 1));
            MemorySegment values = call.allocate(ADDRESS, Math.max(count, 1));
            int index = 0;
            for (Map.Entry<String, OrtValue> input : namedInputs.entrySet()) {
                OrtValue value = Objects.requireNonNull(input.getValue(), "input '" + input.getKey() + "' is null");
                names.setAtIndex(ADDRESS, index, call.allocateFrom(input.getKey()));
                values.setAtIndex(ADDRESS, index, value.beginUse());
                entered.add(value);
                index++;
            }
            MemorySegment results = call.allocate(ADDRESS, outputs.size());
            String what = "Running " + description;
            long status = invokeRun(names, values, count, results);
            context.status().check(status, what);
            return collect(results, what);
        } finally {
            entered.forEach(OrtValue::endUse);
            guard.exit();
        }
    }

    /** Closes the requests this session created and frees it, after the runs in progress; idempotent. */
    @Override
    public void close() {
        if (guard.close()) {
            try {
                requests.forEach(InferenceRequest::close);
            } finally {
                context.api().release(OrtApi.RELEASE_SESSION, handle);
                arena.close();
                onClose.accept(this);
            }
        }
    }

    @Override
    public String toString() {
        return "OrtSession[" + description + ", inputs=" + inputs + ", outputs=" + outputs + "]";
    }

    // Package-private access for InferenceRequest, which shares this session's names and guard.

    void enterRun() {
        guard.enter();
    }

    void exitRun() {
        guard.exit();
    }

    void forget(InferenceRequest request) {
        requests.remove(request);
    }

    MemorySegment handle() {
        return handle;
    }

    MemorySegment inputNames() {
        return inputNames;
    }

    MemorySegment outputNames() {
        return outputNames;
    }

    String description() {
        return description;
    }

    private long invokeRun(MemorySegment names, MemorySegment values, int count, MemorySegment results) {
        try {
            return (long) OrtApiBinding.RUN.invokeExact(context.api().function(OrtApi.RUN), handle,
                    MemorySegment.NULL, names, values, (long) count, outputNames, (long) outputs.size(), results);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new OrtException("Calling Run failed: " + t, OrtErrorCode.FAIL, t);
        }
    }

    private OrtOutputs collect(MemorySegment results, String what) {
        List<OrtValue> values = new ArrayList<>(outputs.size());
        try {
            for (int i = 0; i < outputs.size(); i++) {
                MemorySegment value = results.getAtIndex(ADDRESS, i);
                results.setAtIndex(ADDRESS, i, MemorySegment.NULL);
                values.add(OrtValue.fromRunOutput(context, value, outputs.get(i).name(), what));
            }
            return new OrtOutputs(outputNameList, values);
        } catch (RuntimeException | Error e) {
            values.forEach(OrtValue::close);
            for (int i = values.size(); i < outputs.size(); i++) {
                context.api().release(OrtApi.RELEASE_VALUE, results.getAtIndex(ADDRESS, i));
            }
            throw e;
        }
    }

    private TensorInfo concreteInput(TensorInfo declared, long[] shape) {
        Objects.requireNonNull(shape, () -> "shape for input '" + declared.name() + "' must not be null");
        boolean fits = shape.length == declared.rank();
        for (int d = 0; fits && d < shape.length; d++) {
            long wanted = declared.dimension(d);
            fits = shape[d] > 0 && (wanted < 0 || wanted == shape[d]);
        }
        if (!fits) {
            throw new OrtException("Input '" + declared.name() + "' of " + description + " is declared "
                    + Arrays.toString(declared.shape()) + "; the shape " + Arrays.toString(shape)
                    + " does not fit (same rank, fixed dimensions equal, dynamic ones positive)",
                    OrtErrorCode.INVALID_ARGUMENT);
        }
        return declared.withShape(shape);
    }
}
