package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How {@code run} turns its arguments into spec overrides, and what it refuses before any job context starts. */
@ExtendWith(KeepersGone.class)
class RunCommandOptionsTests {

    @TempDir
    Path dir;

    @Test
    void positionalOverridesThenSetThenTheFlagsBecomeSpecOverridesAndDbBecomesTheDatabaseField() {
        // given
        CommandLine.ParseResult parsed = EdgeBatch.newCommandLine().parseArgs("run", "lobby.yaml", "chunkSize=32",
                "input.paths=/a,/b", "--set", "model.confidence=0.4", "--set", "chunkSize=24", "--model", "m.onnx",
                "--provider", "cuda", "--chunk-size", "8", "--threads", "3", "--output", "out", "--db", dir.toString(),
                "--every", "*/5 * * * * *", "--max-runs", "2", "--json");

        // when
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();

        // then: flags win over --set, which wins over positional overrides
        assertThat(run.specFile).isEqualTo(Path.of("lobby.yaml"));
        assertThat(run.overrides()).containsExactly(
                entry("chunkSize", "8"),
                entry("input.paths", "/a,/b"),
                entry("model.confidence", "0.4"),
                entry("model.path", "m.onnx"),
                entry("model.provider", "cuda"),
                entry("threads", "3"),
                entry("output", "out"),
                entry("schedule", "*/5 * * * * *"),
                entry("database", "jdbc:h2:file:" + dir.resolve("edgebatch") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0"));
        assertThat(run.maxRuns).isEqualTo(2);
        assertThat(run.json).isTrue();
        assertThat(run.progress.mode).isEqualTo(ProgressMonitor.Mode.AUTO);
    }

    @Test
    void withoutFlagsThereAreNoOverridesSoTheSpecDecides() {
        RunCommand run = (RunCommand) EdgeBatch.newCommandLine().parseArgs("run", "lobby.yaml").subcommand().commandSpec().userObject();

        assertThat(run.overrides()).isEmpty();
        assertThat(run.maxRuns).isZero();
    }

    @Test
    void anOverrideWithoutAnEqualsSignIsRefusedNamingIt() {
        // when
        Cli.Result result = Cli.run("run", dir.resolve("any.yaml").toString(), "chunkSize");

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("edgebatch run: an override must be KEY=VALUE (e.g. model.confidence=0.4), was 'chunkSize'\n");
    }

    @Test
    void aFlagsValueMeetsTheSpecsOwnChecksSoItsMessageIsTheSameAsInAFile() {
        // given
        Path spec = TestData.spec(dir, "flags", """
                name: flags
                input: {paths: [%s]}
                model: {path: %s}
                """.formatted(dir, SharedData.fastModel()));

        // when
        Cli.Result word = Cli.run("run", spec.toString(), "--chunk-size", "many");
        Cli.Result tooBig = Cli.run("run", spec.toString(), "--chunk-size", "5000");
        Cli.Result badCron = Cli.run("run", spec.toString(), "--every", "every day");

        // then
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).startsWith("edgebatch run: flags.yaml: chunkSize ").contains("'many'").contains("(set by override)");
        assertThat(tooBig.exitCode()).isEqualTo(2);
        assertThat(tooBig.err()).isEqualTo("edgebatch run: flags.yaml: chunkSize must be between 1 and 1024, was 5000 (set by override)\n");
        assertThat(badCron.exitCode()).isEqualTo(2);
        assertThat(badCron.err()).startsWith("edgebatch run: flags.yaml: schedule must be a cron expression of 6 fields");
    }

    @Test
    void maxRunsWithoutAScheduleIsRefused() {
        // given
        Path spec = TestData.spec(dir, "once", """
                name: once
                input: {paths: [%s]}
                model: {path: %s}
                """.formatted(dir, SharedData.fastModel()));

        // when
        Cli.Result result = Cli.run("run", spec.toString(), "--max-runs", "2");

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("edgebatch run: --max-runs needs a schedule (--every CRON or the spec's schedule)\n");
    }
}
