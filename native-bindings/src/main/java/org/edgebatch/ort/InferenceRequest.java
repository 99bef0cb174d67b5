package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A reusable run of one session, for one thread at a time. All native memory is allocated once: the input tensors
 * the caller fills, and the output tensors for every output whose shape is static, which are passed to
 * {@code Run} pre-created so ONNX Runtime writes into them. {@link #run()} is then a single {@code Run} call that
 * allocates nothing on the Java heap. Outputs with a dynamic shape are allocated by ONNX Runtime on each run and
 * released at the next run or on close.
 */
@SuppressWarnings("restricted") // restricted FFM calls are what this module is for (run with --enable-native-access)
public final class InferenceRequest implements AutoCloseable {

    private static final long ALIGNMENT = 64;

    private final OrtSession session;
    private final OrtContext context;
    private final TensorInfo[] inputInfos;
    private final TensorInfo[] outputInfos;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment[] inputData;
    private final MemorySegment inputValues;
    private final MemorySegment outputValues;
    private final MemorySegment[] outputData;
    private final long[][] outputShapes;
    private final boolean[] outputBound;
    private final boolean anyDynamicOutput;
    private final MemorySegment runFunction;
    private final String runDescription;
    private final LifecycleGuard guard;
    private final AtomicBoolean running = new AtomicBoolean();
    private Arena dynamicOutputScope;
    private boolean lastRunSucceeded;

    InferenceRequest(OrtSession session, OrtContext context, TensorInfo[] inputInfos, TensorInfo[] outputInfos) {
        this.session = session;
        this.context = context;
        this.inputInfos = inputInfos;
        this.outputInfos = outputInfos;
        this.runFunction = context.api().function(OrtApi.RUN);
        this.runDescription = "Running " + session.description();
        this.guard = new LifecycleGuard("InferenceRequest for " + session.description());
        this.inputData = new MemorySegment[inputInfos.length];
        this.outputData = new MemorySegment[outputInfos.length];
        this.outputShapes = new long[outputInfos.length][];
        this.outputBound = new boolean[outputInfos.length];
        this.inputValues = arena.allocate(ADDRESS, Math.max(inputInfos.length, 1));
        this.outputValues = arena.allocate(ADDRESS, Math.max(outputInfos.length, 1));
        try {
            for (int i = 0; i < inputInfos.length; i++) {
                inputData[i] = arena.allocate(inputInfos[i].byteSize(), ALIGNMENT);
                inputValues.setAtIndex(ADDRESS, i, createValue(inputInfos[i], inputData[i]));
            }
            boolean dynamic = false;
            for (int i = 0; i < outputInfos.length; i++) {
                TensorInfo output = outputInfos[i];
                if (output.isStatic() && output.elementType().byteSize() > 0) {
                    outputData[i] = arena.allocate(output.byteSize(), ALIGNMENT);
                    outputShapes[i] = output.shape();
                    outputValues.setAtIndex(ADDRESS, i, createValue(output, outputData[i]));
                    outputBound[i] = true;
                } else {
                    dynamic = true;
                }
            }
            this.anyDynamicOutput = dynamic;
        } catch (RuntimeException | Error e) {
            releaseValues();
            arena.close();
            throw e;
        }
    }

    /** The number of inputs. */
    public int inputCount() {
        return inputInfos.length;
    }

    /** The number of outputs. */
    public int outputCount() {
        return outputInfos.length;
    }

    /** The native memory of an input, filled by the caller row-major; {@code byteSize} = elements × element size. */
    public MemorySegment input(int index) {
        checkOpen();
        return inputData[index];
    }

    /**
     * Runs the model once on the current input memory.
     *
     * @throws OrtException          with ONNX Runtime's message when the run fails
     * @throws IllegalStateException when this request or its session is closed, or another thread is running it
     */
    public void run() {
        guard.enter();
        if (!running.compareAndSet(false, true)) {
            guard.exit();
            throw new IllegalStateException("InferenceRequest for " + session.description()
                    + " is already running on another thread; use one request per thread");
        }
        try {
            session.enterRun();
            try {
                lastRunSucceeded = false;
                if (anyDynamicOutput) {
                    releaseDynamicOutputs();
                }
                long status = (long) OrtApiBinding.RUN.invokeExact(runFunction, session.handle(), MemorySegment.NULL,
                        session.inputNames(), inputValues, (long) inputInfos.length, session.outputNames(),
                        (long) outputInfos.length, outputValues);
                context.status().check(status, runDescription);
                if (anyDynamicOutput) {
                    collectDynamicOutputs();
                }
                lastRunSucceeded = true;
            } finally {
                session.exitRun();
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new OrtException("Calling Run failed: " + t, OrtErrorCode.FAIL, t);
        } finally {
            running.set(false);
            guard.exit();
        }
    }

    /**
     * The native memory of an output: pre-allocated for static shapes (valid until close); allocated by ONNX Runtime
     * for dynamic shapes (valid until the next run or close).
     *
     * @throws IllegalStateException for a dynamic output when the last run did not succeed
     */
    public MemorySegment output(int index) {
        checkOpen();
        if (!outputBound[index] && !lastRunSucceeded) {
            throw new IllegalStateException("Output '" + outputInfos[index].name()
                    + "' has a dynamic shape and no successful run has produced it yet");
        }
        return outputData[index];
    }

    /** The shape of an output: the declared one when static, the last run's one when dynamic. */
    public long[] outputShape(int index) {
        checkOpen();
        if (outputShapes[index] == null) {
            throw new IllegalStateException("Output '" + outputInfos[index].name()
                    + "' has a dynamic shape and no successful run has produced it yet");
        }
        return outputShapes[index].clone();
    }

    /** An input's name, type and the concrete shape of this request. */
    public TensorInfo inputInfo(int index) {
        return inputInfos[index];
    }

    /** An output's name, type and declared shape (-1 where dynamic; see {@link #outputShape}). */
    public TensorInfo outputInfo(int index) {
        return outputInfos[index];
    }

    /** Frees every native tensor of this request; idempotent. */
    @Override
    public void close() {
        if (guard.close()) {
            try {
                releaseValues();
            } finally {
                arena.close();
                session.forget(this);
            }
        }
    }

    private MemorySegment createValue(TensorInfo info, MemorySegment data) {
        try (Arena call = Arena.ofConfined()) {
            long[] shape = info.shape();
            MemorySegment dims = call.allocate(JAVA_LONG, Math.max(shape.length, 1));
            MemorySegment.copy(shape, 0, dims, JAVA_LONG, 0, shape.length);
            MemorySegment out = call.allocate(ADDRESS);
            context.status().call("Creating the tensor " + info + " for " + session.description(),
                    OrtApi.CREATE_TENSOR_WITH_DATA_AS_ORT_VALUE, context.cpuMemoryInfo(), data, data.byteSize(), dims,
                    (long) shape.length, info.elementType().code(), out);
            return out.get(ADDRESS, 0);
        }
    }

    private void collectDynamicOutputs() {
        dynamicOutputScope = Arena.ofShared();
        for (int i = 0; i < outputInfos.length; i++) {
            if (!outputBound[i]) {
                MemorySegment value = outputValues.getAtIndex(ADDRESS, i);
                TensorInfo actual = context.types().fromValue(outputInfos[i].name(), value, runDescription);
                MemorySegment pointer;
                try (Arena call = Arena.ofConfined()) {
                    MemorySegment out = call.allocate(ADDRESS);
                    context.status().call(runDescription, OrtApi.GET_TENSOR_MUTABLE_DATA, value, out);
                    pointer = out.get(ADDRESS, 0);
                }
                long bytes = actual.elementType().byteSize() == 0 ? 0 : actual.byteSize();
                outputData[i] = pointer.reinterpret(bytes, dynamicOutputScope, null);
                outputShapes[i] = actual.shape();
            }
        }
    }

    private void releaseDynamicOutputs() {
        for (int i = 0; i < outputInfos.length; i++) {
            if (!outputBound[i]) {
                context.api().release(OrtApi.RELEASE_VALUE, outputValues.getAtIndex(ADDRESS, i));
                outputValues.setAtIndex(ADDRESS, i, MemorySegment.NULL);
                outputData[i] = null;
                outputShapes[i] = null;
            }
        }
        if (dynamicOutputScope != null) {
            dynamicOutputScope.close();
            dynamicOutputScope = null;
        }
    }

    private void releaseValues() {
        for (int i = 0; i < inputInfos.length; i++) {
            context.api().release(OrtApi.RELEASE_VALUE, inputValues.getAtIndex(ADDRESS, i));
            inputValues.setAtIndex(ADDRESS, i, MemorySegment.NULL);
        }
        for (int i = 0; i < outputInfos.length; i++) {
            context.api().release(OrtApi.RELEASE_VALUE, outputValues.getAtIndex(ADDRESS, i));
            outputValues.setAtIndex(ADDRESS, i, MemorySegment.NULL);
        }
        if (dynamicOutputScope != null) {
            dynamicOutputScope.close();
            dynamicOutputScope = null;
        }
    }

    private void checkOpen() {
        if (guard.isClosed()) {
            throw new IllegalStateException("InferenceRequest for " + session.description() + " is closed");
        }
    }
}
