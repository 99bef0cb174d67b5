package org.edgebatch.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JobSpecValidationTests {

    @TempDir
    Path dir;

    private final JobSpecLoader loader = new JobSpecLoader();

    private JobSpecException failure(String yaml) {
        var files = new SpecFiles(dir);
        files.model();
        Path spec = files.file("lobby.yaml", yaml);
        return catchThrowableOfType(JobSpecException.class, () -> loader.load(spec));
    }

    /** A valid spec with {@code extra} appended. */
    private JobSpecException failureWith(String extra) {
        var files = new SpecFiles(dir);
        return catchThrowableOfType(JobSpecException.class, () -> loader.load(files.spec(extra)));
    }

    @Test
    void missingName() {
        // when
        var e = failure("""
                input: {paths: [videos]}
                model: {path: models/yolov5n.onnx}
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: missing required field 'name'");
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("name");
    }

    @Test
    void missingInputPaths() {
        // when
        var e = failure("""
                name: lobby
                input:
                  include: ["*.mp4"]
                model: {path: models/yolov5n.onnx}
                """);

        // then the missing field points at its section's line
        assertThat(e).hasMessage("lobby.yaml: missing required field 'input.paths' (line 2)");
    }

    @Test
    void emptyInputPathsCountAsMissing() {
        // when
        var e = failure("""
                name: lobby
                input: {paths: []}
                model: {path: models/yolov5n.onnx}
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: missing required field 'input.paths' (line 2)");
    }

    @Test
    void missingModelPath() {
        // when
        var e = failure("""
                name: lobby
                input: {paths: [videos]}
                model: {confidence: 0.3}
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: missing required field 'model.path' (line 3)");
    }

    @Test
    void missingModelFile() {
        // when
        var e = failure("""
                name: lobby
                input: {paths: [videos]}
                model: {path: /x/y.onnx}
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: model.path: model file not found: /x/y.onnx (line 3)");
    }

    @Test
    void aFolderIsNotAModelFile() {
        // when
        var e = failure("""
                name: lobby
                input: {paths: [videos]}
                model: {path: models}
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: model.path: expected a model file, found a folder: " + dir.resolve("models") + " (line 3)");
    }

    @Test
    void unknownTopLevelField() {
        // when
        var e = failureWith("chunksize: 32\n");

        // then
        assertThat(e).hasMessageStartingWith("lobby.yaml: unknown field 'chunksize' (line 6); known fields: name, input, target, model,")
                .hasMessageEndingWith("output, database, broker, schedule");
    }

    @Test
    void unknownNestedFieldNamesItsPathLineAndTheKnownFields() {
        // when
        var e = failure("""
                name: lobby
                input:
                  paths: [videos]
                model:
                  path: models/yolov5n.onnx
                  confidense: 0.3
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: unknown field 'model.confidense' (line 6); known fields: path, provider,"
                + " imageSize, confidence, iou, classes, maxDetections, labels, layout");
    }

    @Test
    void wrongTypes() {
        // when
        var e = failureWith("""
                chunkSize: lots
                motion: {enabled: yes}
                events: {classes: {person: 1}}
                sampling: {everyNthFrame: 2.5}
                threads: 99999999999
                concurrency: [2]
                """);

        // then
        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactly(
                "chunkSize must be a whole number, was 'lots' (line 6)",
                "motion.enabled must be true or false, was 'yes' (line 7)",
                "events.classes must be a list, was a section of fields (line 8)",
                "sampling.everyNthFrame must be a whole number, was 2.5 (line 9)",
                "threads must be a whole number, was 99999999999 (line 10)",
                "concurrency must be a whole number, was a list (line 11)");
    }

    @Test
    void aSingleValueWhereAListIsExpectedIsRefused() {
        // when
        var e = failure("""
                name: lobby
                input: {paths: /videos}
                model: {path: models/yolov5n.onnx}
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: input.paths must be a list, was '/videos' (line 2)");
    }

    @Test
    void aSectionWrittenAsAValue() {
        // when
        var e = failureWith("motion: on\n");

        // then
        assertThat(e).hasMessage("lobby.yaml: motion must be a section of fields, was 'on' (line 6)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "model: {path: models/yolov5n.onnx, confidence: 1.5} | model.confidence must be between 0 and 1, was 1.5",
            "model: {path: models/yolov5n.onnx, confidence: -0.1} | model.confidence must be between 0 and 1, was -0.1",
            "model: {path: models/yolov5n.onnx, iou: 2} | model.iou must be between 0 and 1, was 2",
            "model: {path: models/yolov5n.onnx, imageSize: 650} | model.imageSize must be a multiple of 32 (the models' stride), was 650",
            "model: {path: models/yolov5n.onnx, provider: gpu} | model.provider must be one of cpu, cuda, openvino, tensorrt, was 'gpu'",
            "model: {path: models/yolov5n.onnx, layout: yolov7} | model.layout must be one of yolov5, yolov8, yolox, was 'yolov7'",
            "model: {path: models/yolov5n.onnx, classes: [person, '']} | model.classes[1] must not be blank",
            "chunkSize: 0 | chunkSize must be between 1 and 1024, was 0",
            "chunkSize: 2048 | chunkSize must be between 1 and 1024, was 2048",
            "threads: 0 | threads must be between 1 and 256, was 0",
            "concurrency: -1 | concurrency must be between 1 and 256, was -1",
            "sampling: {everyNthFrame: 0} | sampling.everyNthFrame must be between 1 and 100000, was 0",
            "sampling: {fps: 0} | sampling.fps must be more than 0 and at most 1000, was 0",
            "motion: {threshold: 1.01} | motion.threshold must be between 0 and 1, was 1.01",
            "motion: {pixelDelta: 0} | motion.pixelDelta must be between 1 and 255, was 0",
            "events: {minScore: 7} | events.minScore must be between 0 and 1, was 7",
            "events: {mergeGapSeconds: -2} | events.mergeGapSeconds must be between 0 and 86400, was -2",
            "events: {redact: [person, ' ']} | events.redact[1] must not be blank",
            "events: {redact: [person], redactStyle: smear} | events.redactStyle must be one of blur, pixelate, was 'smear'",
            "events: {redact: [person], redactMargin: wide} | events.redactMargin must be a fraction of the box 0..1 (e.g. 0.1) or pixels 0..1000 (e.g. 8px), was 'wide'",
            "events: {redact: [person], redactMargin: 1.5} | events.redactMargin must be a fraction of the box 0..1 (e.g. 0.1) or pixels 0..1000 (e.g. 8px), was '1.5'",
            "events: {redact: [person], redactMargin: -4px} | events.redactMargin must be a fraction of the box 0..1 (e.g. 0.1) or pixels 0..1000 (e.g. 8px), was '-4px'",
            "events: {redact: [person], redactMargin: 2000px} | events.redactMargin must be a fraction of the box 0..1 (e.g. 0.1) or pixels 0..1000 (e.g. 8px), was '2000px'",
            "database: h2:mem | database must be a JDBC URL starting with 'jdbc:', was 'h2:mem'",
            "name: '../etc' | name must be letters, digits, '.', '_' or '-' (at most 128, starting with a letter or digit), was '../etc'",
            "input: {paths: [videos], include: ['videos/*.mp4']} | input.include[0] is matched against file names only and must not contain '/', was 'videos/*.mp4'",
            "input: {paths: [videos], include: ['*.{mp4']} | input.include[0] is not a valid glob, was '*.{mp4': Missing '}",
    })
    void outOfBounds(String yaml, String message) {
        // given a valid spec but for the section under test
        String base = Stream.of("name: lobby", "input: {paths: [videos]}", "model: {path: models/yolov5n.onnx}")
                .filter(line -> !line.startsWith(yaml.substring(0, yaml.indexOf(':') + 1)))
                .collect(Collectors.joining("\n", "", "\n"));

        // when
        var e = failure(base + yaml + "\n");

        // then
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(SpecProblem::message).contains(message);
    }

    @Test
    void twoSamplingModesAreNamedTogether() {
        // when
        var e = failureWith("""
                sampling:
                  everyNthFrame: 2
                  fps: 5
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: sampling sets everyNthFrame and fps; choose one of everyNthFrame, fps, keyframesOnly (line 6)");
    }

    @Test
    void keyframesOnlyFalseIsNotAMode() {
        // when
        JobSpec job = loader.load(new SpecFiles(dir).spec("sampling: {keyframesOnly: false, everyNthFrame: 3}\n"));

        // then
        assertThat(job.sampling()).isEqualTo(new SamplingSpec.EveryNthFrame(3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "everybody | target must be all, any, node:<id> or label:<key>=<value>, was 'everybody'",
            "node: | target names a node id that is not valid (lower-case letters, digits, '-', '_' or '.', starting with a letter or digit, at most 63), was 'node:'",
            "node:Node_A | target names a node id that is not valid (lower-case letters, digits, '-', '_' or '.', starting with a letter or digit, at most 63), was 'node:Node_A'",
            "label:site | target must be label:<key>=<value> with a non-empty key and value of letters, digits, '.', '_', '/' or '-', was 'label:site'",
            "label:=lobby | target must be label:<key>=<value> with a non-empty key and value of letters, digits, '.', '_', '/' or '-', was 'label:=lobby'",
    })
    void badTargets(String target, String message) {
        // when
        var e = failureWith("target: '" + target + "'\n");

        // then
        assertThat(e).hasMessage("lobby.yaml: " + message + " (line 6)");
    }

    @Test
    void badCron() {
        // when
        var e = failureWith("schedule: '0 0 25 * *'\n");

        // then
        assertThat(e).hasMessage("lobby.yaml: schedule must be a cron expression of 6 fields (second minute hour day month weekday),"
                + " was '0 0 25 * *': Cron expression must consist of 6 fields (found 5 in \"0 0 25 * *\") (line 6)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://host/dir | publish.target must be file:///<absolute folder>, s3://<bucket>/<prefix> or none, was 'ftp://host/dir'",
            "file://outbox | publish.target must name an absolute folder as file:///<folder> (three slashes), was 'file://outbox'",
            "s3://Bad_Bucket/x | publish.target must be s3://<bucket>/<prefix> with a bucket name of 3 to 63 lower-case letters, digits, '.' or '-', was 's3://Bad_Bucket/x'",
            "outbox | publish.target must be file:///<absolute folder>, s3://<bucket>/<prefix> or none, was 'outbox'",
            "file:///a b | publish.target must be a URI, was 'file:///a b': Illegal character in path at index 9",
    })
    void badPublishTargets(String target, String message) {
        // when
        var e = failureWith("publish: {target: '" + target + "'}\n");

        // then
        assertThat(e).hasMessage("lobby.yaml: " + message + " (line 6)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{target: 's3://edge/a//b'} | publish.target must have a key prefix without empty parts or a trailing '/', was 's3://edge/a//b'",
            "{target: 'file:///tmp/x', endpoint: 'http://127.0.0.1:9000'} | publish.endpoint endpoint, region and pathStyle apply to s3:// targets only, the target is 'file:///tmp/x'",
            "{target: 's3://edge', endpoint: 'http://key:secret@127.0.0.1:9000'} | publish.endpoint must be http(s)://<host>[:<port>] without user information, was '<redacted>'",
            "{target: 's3://edge', endpoint: 'ftp://127.0.0.1'} | publish.endpoint must be http(s)://<host>[:<port>] without user information, was 'ftp://127.0.0.1'",
    })
    void badS3Settings(String publish, String message) {
        // when
        var e = failureWith("publish: " + publish + "\n");

        // then: never the credentials of an endpoint
        assertThat(e).hasMessageStartingWith("lobby.yaml: " + message).hasMessageNotContaining("secret");
    }

    @Test
    void s3SettingsAreRead() {
        // when
        JobSpec s3 = loader.load(new SpecFiles(dir).spec(
                "publish: {target: 's3://edge-events/site/1', endpoint: 'http://127.0.0.1:9000', region: eu-west-1, pathStyle: true}\n"));

        // then
        assertThat(s3.publish().prefix()).isEqualTo("site/1");
        assertThat(s3.publish().endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(s3.publish().region()).isEqualTo("eu-west-1");
        assertThat(s3.publish().pathStyle()).isTrue();
    }

    @Test
    void publishNoneAndS3AreAccepted() {
        // when
        JobSpec none = loader.load(new SpecFiles(dir).spec("publish: {target: none}\n"));
        JobSpec s3 = loader.load(new SpecFiles(dir).spec("publish: {target: 's3://edge-events'}\n"));

        // then
        assertThat(none.publish().scheme()).isEqualTo(PublishSpec.Scheme.NONE);
        assertThat(s3.publish().bucket()).isEqualTo("edge-events");
        assertThat(s3.publish().prefix()).isEmpty();
    }

    @Test
    void unknownNodeInTargetListsTheKnownOnes() {
        // when
        var e = failureWith("""
                target: node:node-c
                nodes:
                  - {id: node-a, paths: [videos/a]}
                  - {id: node-b, paths: [videos/b]}
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: target names node 'node-c', which is not declared; known nodes: node-a, node-b (line 6)");
    }

    @Test
    void aLabelNoDeclaredNodeHasIsRefused() {
        // when
        var e = failureWith("""
                target: label:site=garage
                nodes:
                  - {id: node-a, labels: {site: lobby}, paths: [videos/a]}
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: target selects label site=garage, which no declared node has;"
                + " node labels: node-a {site=lobby} (line 6)");
    }

    @Test
    void duplicateNodeIdsAndBadNodes() {
        // when
        var e = failureWith("""
                nodes:
                  - {id: node-a, paths: [videos/a]}
                  - {id: node-a, paths: [videos/b]}
                  - {id: Node B, paths: []}
                """);

        // then
        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactly(
                "nodes[1].id repeats the id 'node-a'; node ids must be unique (line 8)",
                "nodes[2].id must be lower-case letters, digits, '-', '_' or '.', starting with a letter or digit, at most 63 characters, was 'Node B' (line 9)",
                "missing required field 'nodes[2].paths' (line 9)");
    }

    @Test
    void anEventClassTheModelFiltersOutCouldNeverFire() {
        // when
        var e = failure("""
                name: lobby
                input: {paths: [videos]}
                model: {path: models/yolov5n.onnx, classes: [person, car]}
                events: {classes: [person, dog]}
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: events.classes[1] names 'dog', which model.classes [person, car]"
                + " filters out, so it could never make an event (line 4)");
    }

    @Test
    void aRedactedClassTheModelFiltersOutCouldNeverBeFound() {
        // when
        var e = failure("""
                name: lobby
                input: {paths: [videos]}
                model: {path: models/yolov5n.onnx, classes: [car]}
                events: {classes: [car], redact: [person]}
                """);

        // then
        assertThat(e).hasMessage("lobby.yaml: events.redact[0] names 'person', which model.classes [car]"
                + " filters out, so its boxes would never be found to redact; add it to model.classes (line 4)");
    }

    @Test
    void redactionSettingsAreReadWithTheirDefaults() {
        // when
        JobSpec defaults = loader.load(new SpecFiles(dir).spec("events: {redact: [person]}\n"));
        JobSpec pixels = loader.load(new SpecFiles(dir).spec("events: {redact: [person, car], redactStyle: pixelate, redactMargin: 12px}\n"));
        JobSpec none = loader.load(new SpecFiles(dir).spec("events: {classes: [person]}\n"));

        // then
        assertThat(defaults.events().redact()).containsExactly("person");
        assertThat(defaults.events().style()).isEqualTo(org.edgebatch.redact.RedactStyle.BLUR);
        assertThat(defaults.events().margin()).isEqualTo(org.edgebatch.redact.RedactMargin.fraction(0.1));
        assertThat(pixels.events().style()).isEqualTo(org.edgebatch.redact.RedactStyle.PIXELATE);
        assertThat(pixels.events().margin()).isEqualTo(org.edgebatch.redact.RedactMargin.pixels(12));
        assertThat(none.events().redacts()).isFalse();
    }

    @Test
    void anyEventClassGoesWhenTheModelKeepsEveryClass() {
        // when
        JobSpec job = loader.load(new SpecFiles(dir).spec("events: {classes: [person, dog]}\n"));

        // then
        assertThat(job.events().classes()).containsExactly("person", "dog");
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() {
        // when
        var e = failure("""
                input:
                  paths: [videos]
                  recursiv: false
                model:
                  path: /x/y.onnx
                  confidence: 1.5
                target: nowhere
                chunkSize: 0
                """);

        // then
        assertThat(e).hasMessage("""
                lobby.yaml: 6 problems
                  - unknown field 'input.recursiv' (line 3); known fields: paths, include, exclude, recursive, settleSeconds, partitionFiles, partitionSeconds
                  - model.path: model file not found: /x/y.onnx (line 5)
                  - model.confidence must be between 0 and 1, was 1.5 (line 6)
                  - target must be all, any, node:<id> or label:<key>=<value>, was 'nowhere' (line 7)
                  - chunkSize must be between 1 and 1024, was 0 (line 8)
                  - missing required field 'name'""");
    }

    @Test
    void anEmptyListEntryIsNamed() {
        // when
        var e = failure("""
                name: lobby
                input:
                  paths:
                    - videos
                    -
                model: {path: models/yolov5n.onnx}
                """);

        // then only the entry is reported, not the section that could not be built because of it
        assertThat(e).hasMessage("lobby.yaml: input.paths[1] must not be empty (line 5)");
    }

    @Test
    void aBadValueInsideAListIsNamedByIndex() {
        // when
        var e = failureWith("events: {classes: [person, {car: 1}]}\n");

        // then
        assertThat(e).hasMessage("lobby.yaml: events.classes[1] must be text, was a section of fields (line 6)");
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysGiveTheLine() {
        // when
        var syntax = failure("name: lobby\ninput: {paths: [videos]\nmodel: x\n");
        var duplicate = failure("name: lobby\nname: hall\n");

        // then
        assertThat(syntax.getMessage()).startsWith("lobby.yaml: not valid YAML: ").contains("(line ");
        assertThat(duplicate).hasMessage("lobby.yaml: not valid YAML: Duplicate Object property \"name\" (line 2)");
    }

    @Test
    void aSpecThatIsNotAMapping() {
        // when / then
        assertThatThrownBy(() -> loader.load(new SpecFiles(dir).file("list.yaml", "- a\n- b\n")))
                .hasMessage("list.yaml: a spec must be a mapping of fields (name: ..., input: ...), was array");
    }
}
