package org.edgebatch.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JobSpecOverridesTests {

    @TempDir
    Path dir;

    @Test
    void overridesReplaceWhatTheFileSays() {
        // given
        Path spec = new SpecFiles(dir).file("lobby.yaml", SpecFiles.LOBBY);
        Path model = new SpecFiles(dir).model();
        var loader = new JobSpecLoader(dir);

        // when
        JobSpec job = loader.load(spec, Map.of(
                "model.path", model.toString(),
                "model.confidence", "0.4",
                "input.paths", "/a, b",
                "events.classes", "person,car",
                "chunkSize", "32",
                "motion.enabled", "false",
                "target", "any",
                "schedule", "0 */5 * * * *"));

        // then
        assertThat(job.model().confidence()).isEqualTo(0.4);
        assertThat(job.input().paths()).containsExactly(Path.of("/a"), dir.resolve("b"));
        assertThat(job.events().classes()).containsExactly("person", "car");
        assertThat(job.chunkSize()).isEqualTo(32);
        assertThat(job.motion().enabled()).isFalse();
        assertThat(job.target()).isEqualTo(new TargetSpec.AnyNode());
        assertThat(job.schedule()).contains("0 */5 * * * *");
        // untouched fields keep the file's values
        assertThat(job.input().include()).containsExactly("*.mp4", "*.avi", "*.mkv");
        assertThat(job.model().iou()).isEqualTo(0.45);
    }

    @Test
    void anEmptyListOverrideMeansNone() {
        // when
        JobSpec job = new JobSpecLoader(dir).load(new SpecFiles(dir).spec("events: {classes: [person]}\n"), Map.of("events.classes", ""));

        // then
        assertThat(job.events().classes()).isEmpty();
    }

    @Test
    void aSamplingModeOverrideReplacesTheFilesMode() {
        // given a spec sampling every 5th frame
        Path spec = new SpecFiles(dir).spec("sampling: {everyNthFrame: 5}\n");

        // when
        JobSpec job = new JobSpecLoader(dir).load(spec, Map.of("sampling.fps", "2"));

        // then
        assertThat(job.sampling()).isEqualTo(new SamplingSpec.Fps(2));
    }

    @Test
    void twoSamplingModeOverridesStillClash() {
        // when
        var e = catchThrowableOfType(JobSpecException.class, () -> new JobSpecLoader(dir)
                .load(new SpecFiles(dir).spec(""), Map.of("sampling.fps", "2", "sampling.keyframesOnly", "true")));

        // then
        assertThat(e).hasMessage("lobby.yaml: sampling sets fps and keyframesOnly; choose one of everyNthFrame, fps, keyframesOnly (set by override)");
    }

    @Test
    void aBadOverrideValueGetsTheSameMessageAsInTheFile() {
        // given the same bad values once written, once overridden
        var files = new SpecFiles(dir);
        Path written = files.spec("""
                chunkSize: lots
                events: {minScore: 1.5}
                sampling: {everyNthFrame: 2.5}
                """);
        Path plain = files.file("plain.yaml", """
                name: job
                input: {paths: [videos]}
                model: {path: models/yolov5n.onnx}
                """);
        var loader = new JobSpecLoader(dir);

        // when
        var fromFile = catchThrowableOfType(JobSpecException.class, () -> loader.load(written));
        var fromOverride = catchThrowableOfType(JobSpecException.class, () -> loader.load(plain,
                Map.of("chunkSize", "lots", "events.minScore", "1.5", "sampling.everyNthFrame", "2.5")));

        // then
        assertThat(fromOverride.problems()).extracting(SpecProblem::message)
                .containsExactlyInAnyOrderElementsOf(fromFile.problems().stream().map(SpecProblem::message).toList())
                .containsExactlyInAnyOrder("chunkSize must be a whole number, was 'lots'",
                        "events.minScore must be between 0 and 1, was 1.5",
                        "sampling.everyNthFrame must be a whole number, was 2.5");
        assertThat(fromOverride.problems()).extracting(SpecProblem::location).containsOnly("set by override");
        assertThat(fromFile.problems()).extracting(SpecProblem::location).containsExactly("line 6", "line 7", "line 8");
    }

    @Test
    void unknownOverrideKeysAreNamedWithTheFieldsThatExist() {
        // when
        var e = catchThrowableOfType(JobSpecException.class, () -> new JobSpecLoader(dir)
                .load(new SpecFiles(dir).spec(""), Map.of("model.confidense", "0.3", "chunk", "3", "modle.path", "/m")));

        // then
        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactly(
                "unknown override 'chunk'; known fields: name, input, target, model, sampling, motion, events, publish,"
                        + " chunkSize, threads, concurrency, nodes, output, database, broker, schedule",
                "unknown override 'model.confidense'; known fields of model: path, provider, imageSize, confidence, iou,"
                        + " classes, maxDetections, labels, layout",
                "unknown override 'modle.path'; known fields: name, input, target, model, sampling, motion, events, publish,"
                        + " chunkSize, threads, concurrency, nodes, output, database, broker, schedule");
    }

    @Test
    void sectionsAndNodesCannotBeOverriddenWhole() {
        // when
        var e = catchThrowableOfType(JobSpecException.class, () -> new JobSpecLoader(dir)
                .load(new SpecFiles(dir).spec(""), Map.of("motion", "on", "nodes", "a", "model.path.x", "1")));

        // then
        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactly(
                "unknown override 'model.path.x': model.path has no fields",
                "override 'motion' names a section; set one of its fields: motion.enabled, motion.threshold,"
                        + " motion.pixelDelta, motion.keepAliveSeconds",
                "override 'nodes' cannot be set from the command line (nodes is a list of sections); write it in the spec file");
    }

    @Test
    void listsTheFieldsAnOverrideCanSet() {
        // when
        List<String> fields = JobSpecLoader.overridableFields();

        // then
        assertThat(fields).contains("name", "input.paths", "model.confidence", "sampling.keyframesOnly", "publish.target", "schedule")
                .doesNotContain("model", "nodes", "nodes.id");
    }
}
