package org.edgebatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSpecJsonTests {

    @TempDir
    Path dir;

    @Test
    void aSpecStoredAsJsonReadsBackEqual() throws Exception {
        // given
        Path model = Files.write(dir.resolve("m.onnx"), new byte[] {1});
        Files.createDirectories(dir.resolve("a"));
        Path file = Files.writeString(dir.resolve("job.yaml"), """
                name: lobby
                input: {paths: [a]}
                model: {path: m.onnx, classes: [person]}
                sampling: {fps: 2.5}
                motion: {enabled: true}
                nodes:
                  - {id: node-a, labels: {site: lobby}, paths: [a]}
                schedule: "0 0 2 * * *"
                """);
        JobSpecLoader loader = new JobSpecLoader(dir);
        JobSpec spec = loader.load(file);

        // when
        String json = loader.toJson(spec);

        // then
        assertThat(json).startsWith("{\"name\":\"lobby\"");
        assertThat(new JobSpecLoader(Path.of("/")).read("stored", json)).isEqualTo(spec);
        assertThat(model).exists();
    }
}
