package org.edgebatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a node spends its spec's threads: frames at once times ONNX Runtime threads per inference. */
class DetectorFactoryTests {

    @TempDir
    Path dir;

    private JobSpec spec(int threads) throws IOException {
        Path model = Files.write(dir.resolve("m.onnx"), new byte[] {1});
        Path file = Files.writeString(dir.resolve("job.yaml"), """
                name: threads
                input: {paths: [%s]}
                model: {path: %s}
                threads: %d
                """.formatted(dir, model, threads));
        return new JobSpecLoader(dir).load(file, Map.of());
    }

    private static DetectorFactory factory(int intraOpThreads) {
        return new DetectorFactory(() -> {
            throw new AssertionError("no runtime needed to plan threads");
        }, intraOpThreads, false);
    }

    @Test
    void singleThreadedInferencesTakeOneStreamPerThread() throws IOException {
        JobSpec spec = spec(2);

        assertThat(factory(1).streams(spec)).isEqualTo(2);
        assertThat(factory(1).config(spec).intraOpThreads()).isEqualTo(1);
    }

    @Test
    void widerInferencesTakeFewerStreamsAndNeverMoreThreadsThanTheSpec() throws IOException {
        assertThat(factory(2).streams(spec(5))).isEqualTo(2);
        assertThat(factory(2).config(spec(5)).intraOpThreads()).isEqualTo(2);
        assertThat(factory(8).streams(spec(4))).isEqualTo(1);
        assertThat(factory(8).config(spec(4)).intraOpThreads()).isEqualTo(4);
        assertThat(factory(1).streams(spec(1))).isEqualTo(1);
    }

    @Test
    void intraOpThreadsBelowOneAreRefused() {
        assertThatThrownBy(() -> factory(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intraOpThreads must be at least 1, was 0");
    }
}
