package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Routes ONNX Runtime's log messages ({@code OrtLoggingFunction}) to the {@link System.Logger} named
 * {@value #LOGGER_NAME}.
 */
@SuppressWarnings("restricted") // restricted FFM calls are what this module is for (run with --enable-native-access)
final class OrtLogBridge {

    static final String LOGGER_NAME = "org.edgebatch.ort.onnxruntime";

    private static final System.Logger LOG = System.getLogger(LOGGER_NAME);

    /*
     * One stub for the whole process, never freed: ONNX Runtime keeps a single OrtEnv per process, shared by every
     * OrtRuntime, and the first one's logger stays in use until the last OrtRuntime closes (or the process ends).
     */
    static final MemorySegment CALLBACK = createCallback();

    private OrtLogBridge() {
    }

    private static MemorySegment createCallback() {
        try {
            var target = MethodHandles.lookup().findStatic(OrtLogBridge.class, "log", MethodType.methodType(void.class,
                    MemorySegment.class, int.class, MemorySegment.class, MemorySegment.class, MemorySegment.class,
                    MemorySegment.class));
            var descriptor = FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
            return Linker.nativeLinker().upcallStub(target, descriptor, Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Called by ONNX Runtime, possibly on its own threads. Must never throw: an exception here ends the JVM. */
    @SuppressWarnings("unused")
    private static void log(MemorySegment param, int severity, MemorySegment category, MemorySegment logId,
            MemorySegment codeLocation, MemorySegment message) {
        try {
            System.Logger.Level level = LogLevel.fromCode(severity).loggerLevel();
            if (LOG.isLoggable(level)) {
                LOG.log(level, "[{0}] {1} ({2}, {3})", NativeStrings.read(logId), NativeStrings.read(message),
                        NativeStrings.read(category), NativeStrings.read(codeLocation));
            }
        } catch (Throwable ignored) {
            // Nothing can be reported from here without risking another failure inside a native callback.
        }
    }
}
