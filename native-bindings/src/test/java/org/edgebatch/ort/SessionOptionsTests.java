package org.edgebatch.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionOptionsTests {

    @Test
    void defaultsAreOnnxRuntimeThreadsAllOptimisationsSequentialCpu() {
        // given / when
        SessionOptions defaults = SessionOptions.defaults();

        // then
        assertThat(defaults).isEqualTo(new SessionOptions(0, 0, GraphOptimizationLevel.ALL, ExecutionMode.SEQUENTIAL,
                ExecutionProvider.CPU, Map.of()));
    }

    @Test
    void eachWithChangesOneComponent() {
        // given
        SessionOptions defaults = SessionOptions.defaults();

        // when
        SessionOptions changed = defaults.withIntraOpThreads(2).withInterOpThreads(3)
                .withOptimizationLevel(GraphOptimizationLevel.BASIC).withExecutionMode(ExecutionMode.PARALLEL)
                .withExecutionProvider(ExecutionProvider.CUDA).withProviderOptions(Map.of("device_id", "1"));

        // then
        assertThat(changed).isEqualTo(new SessionOptions(2, 3, GraphOptimizationLevel.BASIC, ExecutionMode.PARALLEL,
                ExecutionProvider.CUDA, Map.of("device_id", "1")));
        assertThat(defaults).isEqualTo(SessionOptions.defaults());
    }

    @Test
    void configEntriesAreAddedAndReplacedByKey() {
        // when
        SessionOptions options = SessionOptions.defaults()
                .withConfigEntry(SessionOptions.ALLOW_INTRA_OP_SPINNING, "1")
                .withConfigEntries(Map.of(SessionOptions.ALLOW_INTRA_OP_SPINNING, "0", "session.disable_prepacking", "0"));

        // then
        assertThat(options.configEntries()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "session.intra_op.allow_spinning", "0", "session.disable_prepacking", "0"));
        assertThat(SessionOptions.defaults().configEntries()).isEmpty();
        assertThatThrownBy(() -> SessionOptions.defaults().withConfigEntry(" ", "1"))
                .hasMessage("a session config entry needs a key, got ' ' = '1'");
    }

    @Test
    void badValuesAreRefusedByName() {
        assertThatThrownBy(() -> SessionOptions.defaults().withIntraOpThreads(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intraOpThreads").hasMessageContaining("-1");
        assertThatThrownBy(() -> SessionOptions.defaults().withInterOpThreads(-2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interOpThreads");
        assertThatThrownBy(() -> SessionOptions.defaults().withExecutionProvider(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("executionProvider");
    }

    @Test
    void providerOptionsAreCopied() {
        // given
        Map<String, String> options = new HashMap<>(Map.of("device_type", "GPU"));

        // when
        SessionOptions sessionOptions = SessionOptions.defaults().withProviderOptions(options);
        options.put("device_type", "CPU");

        // then
        assertThat(sessionOptions.providerOptions()).containsExactly(Map.entry("device_type", "GPU"));
    }
}
