package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench startup} over a repository with one small run, and its refusal of an empty one. */
@ExtendWith(KeepersGone.class)
class BenchStartupCommandTests {

    @TempDir
    Path dir;

    @Test
    void timesEachReadOnlyCommandInAChildJvm() {
        // given: one small run
        Path videos = dir.resolve("videos");
        TestData.walking(videos.resolve("walk.mp4"), 320, 180, 10, 2, 0.3, 1.7);
        Path spec = TestData.spec(dir, "shapes", """
                name: shapes
                input: {paths: [videos]}
                model: {path: %s}
                threads: 2
                output: out
                publish: {target: none}
                """.formatted(SharedData.fastModel()));
        String db = dir.resolve("db").toString();
        assertThat(Cli.run("run", spec.toString(), "--db", db, "--progress", "none").exitCode()).isZero();

        // when
        Cli.Result result = Cli.run("bench", "startup", "--rounds", "1", "--db", db);

        // then
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("command +median ms +min ms +max ms\n")
                .containsPattern("\njobs +[0-9]+ +[0-9]+ +[0-9]+\n")
                .containsPattern("\nstatus 1 --json +[0-9]+ +[0-9]+ +[0-9]+\n")
                .containsPattern("\nevents 1 +[0-9]+ +[0-9]+ +[0-9]+\n")
                .containsPattern("\nnodes --json +[0-9]+ +[0-9]+ +[0-9]+\n")
                .containsPattern("1 rounds, [0-9]+ cores, load average [0-9.-]+ before, [0-9.-]+ after");
    }

    @Test
    void refusesARepositoryWithoutExecutions() {
        // when
        Cli.Result result = Cli.run("bench", "startup", "--db", dir.resolve("empty").toString());

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("there are no job executions in jdbc:h2:file:" + dir.resolve("empty"));
    }
}
