package org.edgebatch.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrtRuntimeTests {

    @TempDir
    Path folder;

    @Test
    void loadsTheJarLibraryAndReportsVersionAndProviders() {
        // given / when
        try (OrtRuntime runtime = OrtRuntime.create()) {
            // then
            assertThat(runtime.version()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(runtime.availableProviders()).contains("CPUExecutionProvider");
            assertThat(runtime.libraryPath()).isRegularFile();
        }
    }

    @Test
    void loadsALibraryNamedByPathOrFolder() {
        try (OrtRuntime fromJar = OrtRuntime.create()) {
            // given
            Path library = fromJar.libraryPath();

            // when
            try (OrtRuntime byFile = OrtRuntime.create(OrtRuntimeOptions.defaults().withLibrary(library));
                    OrtRuntime byFolder = OrtRuntime.create(OrtRuntimeOptions.defaults().withLibrary(library.getParent()))) {
                // then
                assertThat(byFile.libraryPath()).isEqualTo(library);
                assertThat(byFolder.libraryPath()).isEqualTo(library);
                assertThat(byFolder.version()).isEqualTo(fromJar.version());
            }
        }
    }

    @Test
    void aMissingLibraryPathIsAnErrorNamingIt() {
        // given
        Path missing = folder.resolve("missing/libonnxruntime.so");

        // when / then
        assertThatThrownBy(() -> OrtRuntime.create(OrtRuntimeOptions.defaults().withLibrary(missing)))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining(missing.toString())
                .extracting(e -> ((OrtException) e).errorCode()).isEqualTo(OrtErrorCode.NO_SUCHFILE);
    }

    @Test
    void aLibraryThatIsNotOnnxRuntimeIsRefusedByName() {
        // given
        Path notOrt = Path.of(System.getProperty("java.home"), "lib", System.mapLibraryName("java"));

        // when / then
        assertThatThrownBy(() -> OrtRuntime.create(OrtRuntimeOptions.defaults().withLibrary(notOrt)))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining(notOrt.toString())
                .hasMessageContaining("does not export OrtGetApiBase");
    }

    @Test
    void closingIsIdempotentClosesSessionsAndRefusesNewWork() {
        // given
        OrtRuntime runtime = OrtRuntime.create();
        OrtSession session = runtime.openSession(TestModels.uint8Identity(), SessionOptions.defaults());

        // when
        runtime.close();
        runtime.close();

        // then
        assertThatThrownBy(session::newRequest).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> session.run(Map.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> runtime.openSession(TestModels.uint8Identity(), SessionOptions.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("OrtRuntime is closed");
    }

    @Test
    void onnxRuntimeLogMessagesGoToTheSystemLogger() {
        // given
        Logger julLogger = Logger.getLogger(OrtLogBridge.LOGGER_NAME);
        CopyOnWriteArrayList<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                records.add(logRecord);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = julLogger.getLevel();
        julLogger.setLevel(Level.ALL);
        julLogger.addHandler(handler);
        try (OrtRuntime runtime = OrtRuntime.create()) {
            // when ONNX Runtime reports an error it also logs (a provider library it cannot load)
            assertThatThrownBy(() -> runtime.openSession(TestModels.uint8Identity(),
                    SessionOptions.defaults().withExecutionProvider(ExecutionProvider.OPENVINO)))
                    .isInstanceOf(OrtException.class);

            // then
            assertThat(records).anySatisfy(logRecord -> {
                assertThat(logRecord.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(logRecord.getParameters()).isNotEmpty();
                assertThat(String.valueOf(logRecord.getParameters()[1])).contains("libonnxruntime_providers_shared");
            });
        } finally {
            julLogger.removeHandler(handler);
            julLogger.setLevel(previous);
        }
    }
}
