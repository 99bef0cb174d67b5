package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.edgebatch.spec.SamplingSpec;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The specs the two demos write: valid, with the same sampling, motion gate and event classes. */
class DemoSpecTests {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedDemosSpecLoadsWithTwoNodesTwoFramesASecondAndTheMotionGate() {
        // when
        JobSpec spec = new JobSpecLoader(dir).read("demo.yaml",
                DemoCommand.spec(dir, SharedData.fastModel(), "jdbc:h2:file:" + dir.resolve("db")));

        // then
        assertThat(spec.nodes()).extracting(node -> node.id()).containsExactly("node-a", "node-b");
        assertThat(spec.sampling()).isEqualTo(new SamplingSpec.Fps(2));
        assertThat(spec.motion().enabled()).isTrue();
        assertThat(spec.events().classes()).containsExactly("person", "car");
        assertThat(spec.broker()).isEmpty();
    }

    @Test
    void theDistributedDemosSpecLoadsWithTheBrokerTheNodeFoldersAndTheSameDetectionSettings() {
        // when
        JobSpec spec = new JobSpecLoader(dir).read("demo.yaml", DemoCommand.distributedSpec(dir,
                List.of(dir.resolve("node-a"), dir.resolve("node-b")), SharedData.fastModel(),
                "jdbc:mariadb://127.0.0.1:3306/test", "amqp://guest@127.0.0.1:5672/"));

        // then
        assertThat(spec.nodes()).isEmpty();
        assertThat(spec.input().paths()).hasSize(2);
        assertThat(spec.sampling()).isEqualTo(new SamplingSpec.Fps(2));
        assertThat(spec.motion().enabled()).isTrue();
        assertThat(spec.events().classes()).containsExactly("person", "car");
        assertThat(spec.broker()).contains("amqp://guest@127.0.0.1:5672/");
    }
}
