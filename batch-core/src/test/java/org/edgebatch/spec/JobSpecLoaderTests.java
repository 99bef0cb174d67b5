package org.edgebatch.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobSpecLoaderTests {

    @TempDir
    Path dir;

    private final JobSpecLoader loader = new JobSpecLoader();

    @Test
    void readsTheIssueExampleIntoOneRecordPerConcern() {
        // given the issue's spec, its model path pointed at a file that exists
        var files = new SpecFiles(dir);
        Path model = files.model();
        Path spec = files.file("lobby.yaml", SpecFiles.LOBBY);

        // when
        JobSpec job = loader.load(spec, Map.of("model.path", model.toString()));

        // then
        assertThat(job.name()).isEqualTo("lobby-cameras");
        assertThat(job.input()).isEqualTo(new InputSpec(List.of(Path.of("/videos")), List.of("*.mp4", "*.avi", "*.mkv"), List.of(), true));
        assertThat(job.target()).isEqualTo(new TargetSpec.AllNodes());
        assertThat(job.model()).isEqualTo(new ModelSpec(model, "cpu", OptionalInt.empty(), 0.25, 0.45,
                List.of("person", "car"), 300, Optional.empty(), Optional.empty()));
        assertThat(job.sampling()).isEqualTo(new SamplingSpec.EveryNthFrame(1));
        assertThat(job.motion()).isEqualTo(new MotionSpec(true, 0.01, 25, 2.0));
        assertThat(job.events()).isEqualTo(new EventsSpec(List.of("person", "car"), 0.5, 0.5, 2.0, true, false, 2.0));
        assertThat(job.publish()).isEqualTo(new PublishSpec(URI.create("file:///var/lib/edgebatch/outbox")));
        assertThat(job.publish().scheme()).isEqualTo(PublishSpec.Scheme.FILE);
        assertThat(job.publish().folder()).isEqualTo(Path.of("/var/lib/edgebatch/outbox"));
        assertThat(job.chunkSize()).isEqualTo(16);
        assertThat(job.nodes()).isEmpty();
        assertThat(job.embeddedNodes()).containsExactly(new NodeSpec("local", Map.of(), List.of(Path.of("/videos"))));
    }

    @Test
    void everyFieldLeftOutTakesItsDefault() {
        // given a spec with only the three required fields
        Path spec = new SpecFiles(dir).spec("");

        // when
        JobSpec job = loader.load(spec);

        // then
        Path home = Path.of(System.getProperty("user.home"));
        assertThat(job.input().include()).isEqualTo(InputSpec.DEFAULT_INCLUDE);
        assertThat(job.input().exclude()).isEmpty();
        assertThat(job.input().recursive()).isTrue();
        assertThat(job.target()).isEqualTo(new TargetSpec.AllNodes());
        assertThat(job.model().provider()).isEqualTo("cpu");
        assertThat(job.model().imageSize()).isEmpty();
        assertThat(job.model().confidence()).isEqualTo(0.25);
        assertThat(job.model().iou()).isEqualTo(0.45);
        assertThat(job.model().classes()).isEmpty();
        assertThat(job.model().maxDetections()).isEqualTo(300);
        assertThat(job.model().labels()).isEmpty();
        assertThat(job.model().layout()).isEmpty();
        assertThat(job.sampling()).isEqualTo(new SamplingSpec.EveryNthFrame(1));
        assertThat(job.motion()).isEqualTo(new MotionSpec(false, 0.01, 25, 2.0));
        assertThat(job.events()).isEqualTo(new EventsSpec(List.of(), 0.5, 0.5, 2.0, true, false, 2.0));
        assertThat(job.chunkSize()).isEqualTo(16);
        assertThat(job.threads()).isEqualTo(Math.min(Runtime.getRuntime().availableProcessors(), 256));
        assertThat(job.concurrency()).isEqualTo(1);
        assertThat(job.nodes()).isEmpty();
        assertThat(job.output()).isEqualTo(home.resolve(".edgebatch/output"));
        assertThat(job.publish().target()).isEqualTo(URI.create("file://" + home.resolve(".edgebatch/output/outbox")));
        assertThat(job.database()).isEqualTo("jdbc:h2:file:" + home.resolve(".edgebatch/db/edgebatch") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(job.schedule()).isEmpty();
    }

    @Test
    void theDefaultOutboxFollowsTheOutputFolder() {
        // given
        Path spec = new SpecFiles(dir).spec("output: results\n");

        // when
        JobSpec job = loader.load(spec);

        // then
        assertThat(job.output()).isEqualTo(dir.resolve("results"));
        assertThat(job.publish().folder()).isEqualTo(dir.resolve("results/outbox"));
    }

    @Test
    void relativePathsAreTakenFromTheSpecFolderAndTildeIsHome() {
        // given
        var files = new SpecFiles(dir);
        files.model();
        files.file("models/coco.txt", "person\n");
        Path spec = files.file("job.yaml", """
                name: job
                input:
                  paths: [videos]
                model:
                  path: models/yolov5n.onnx
                  labels: ./models/../models/coco.txt
                output: ~/edgebatch-results
                nodes:
                  - {id: node-a, labels: {site: lobby}, paths: [videos/a, ~]}
                """);

        // when
        JobSpec job = loader.load(spec);

        // then
        Path home = Path.of(System.getProperty("user.home"));
        assertThat(job.input().paths()).containsExactly(dir.resolve("videos"));
        assertThat(job.model().path()).isEqualTo(dir.resolve("models/yolov5n.onnx"));
        assertThat(job.model().labels()).contains(dir.resolve("./models/../models/coco.txt"));
        assertThat(job.output()).isEqualTo(home.resolve("edgebatch-results"));
        assertThat(job.nodes()).containsExactly(new NodeSpec("node-a", Map.of("site", "lobby"), List.of(dir.resolve("videos/a"), home)));
    }

    @Test
    void aSpecWrittenBackAsYamlLoadsToAnEqualSpec() throws Exception {
        // given a spec using every kind of field
        Path spec = new SpecFiles(dir).spec("""
                target: label:site=lobby
                sampling: {keyframesOnly: true}
                schedule: "0 0 2 * * *"
                publish: {target: "s3://edge-events/lobby"}
                nodes:
                  - {id: node-a, labels: {site: lobby}, paths: [videos]}
                """);
        JobSpec job = loader.load(spec);

        // when
        Path copy = Files.writeString(dir.resolve("copy.yaml"), loader.toYaml(job));

        // then
        assertThat(loader.load(copy)).isEqualTo(job);
        assertThat(job.cron()).isPresent();
        assertThat(job.publish().bucket()).isEqualTo("edge-events");
        assertThat(job.publish().prefix()).isEqualTo("lobby");
    }

    @Test
    void buildsASpecFromOverridesAloneWithPathsFromTheWorkingDirectory() {
        // given
        new SpecFiles(dir).model();
        var fromDir = new JobSpecLoader(dir);

        // when
        JobSpec job = fromDir.fromOverrides(Map.of("name", "quick", "input.paths", "videos,/srv/more", "model.path", "models/yolov5n.onnx"));

        // then
        assertThat(job.name()).isEqualTo("quick");
        assertThat(job.input().paths()).containsExactly(dir.resolve("videos"), Path.of("/srv/more"));
        assertThat(job.model().path()).isEqualTo(dir.resolve("models/yolov5n.onnx"));
    }

    @Test
    void aSpecFromOverridesAloneStillNeedsTheRequiredFields() {
        // when / then
        assertThatThrownBy(() -> new JobSpecLoader(dir).fromOverrides(Map.of("chunkSize", "8")))
                .isInstanceOf(JobSpecException.class)
                .hasMessageStartingWith("command line: 3 problems")
                .hasMessageContaining("missing required field 'name'")
                .hasMessageContaining("missing required field 'input.paths'")
                .hasMessageContaining("missing required field 'model.path'");
    }

    @Test
    void aMissingSpecFileIsNamed() {
        // when / then
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(JobSpecException.class)
                .hasMessage("nope.yaml: spec file not found: " + dir.resolve("nope.yaml"));
    }
}
