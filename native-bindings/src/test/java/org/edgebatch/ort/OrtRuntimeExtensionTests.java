package org.edgebatch.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** One runtime per test class, whichever way the class asks for it, still open in its @AfterAll. */
class OrtRuntimeExtensionTests {

    @Test
    void aClassGetsOneRuntimeInItsConstructorTestsAndAfterAll() {
        // given
        Recorder recorder = new Recorder();

        // when
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(SampleTests.class)).build(), recorder);

        // then
        assertThat(recorder.failures).isEmpty();
        assertThat(recorder.entries).hasSize(4);
        assertThat(recorder.entries.stream().map(e -> e.getKeyValuePairs().get("runtime")).distinct()).hasSize(1);
        assertThat(recorder.entries).anySatisfy(e -> assertThat(e.getKeyValuePairs()).containsEntry("after all", "open"));
    }

    /** The class the test above runs through the JUnit launcher. */
    @ExtendWith(OrtRuntimeExtension.class)
    static class SampleTests {

        private final OrtRuntime runtime;

        SampleTests(OrtRuntime runtime) {
            this.runtime = runtime;
        }

        @Test
        void first(OrtRuntime parameter, TestReporter reporter) {
            reporter.publishEntry("runtime", id(runtime));
            reporter.publishEntry("runtime", id(parameter));
        }

        @Test
        void second(TestReporter reporter) {
            reporter.publishEntry("runtime", id(runtime));
        }

        @AfterAll
        static void last(OrtRuntime runtime, TestReporter reporter) {
            // A closed runtime refuses new sessions.
            runtime.openSession(TestModels.uint8Identity(), SessionOptions.defaults()).close();
            reporter.publishEntry(Map.of("runtime", id(runtime), "after all", "open"));
        }

        private static String id(OrtRuntime runtime) {
            return Integer.toHexString(System.identityHashCode(runtime));
        }
    }

    private static final class Recorder implements TestExecutionListener {

        final List<ReportEntry> entries = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            entries.add(entry);
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            result.getThrowable().ifPresent(failures::add);
        }
    }
}
