package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.edgebatch.cost.run.RunReportReader;
import org.edgebatch.report.RunReport;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two job repositories whose runs write to one output folder and one publish target: each counts its executions from
 * 1, and neither's report, events or published files replace the other's. The reports, as real jobs write them, match
 * the report's JSON Schema and are what the cost model reads.
 */
@ExtendWith(KeepersGone.class)
class SharedOutputTests {

    @TempDir
    static Path dir;

    /** Repository a's run covers one clip, b's two: their reports differ in content, not only in where they are. */
    static Run first;
    static Run second;

    record Run(String db, String repositoryId, JsonNode outcome) {

        Path reportFile() {
            return Path.of(outcome.get("reportFile").asString());
        }

        Path eventsFolder() {
            return Path.of(outcome.get("eventsFolder").asString());
        }
    }

    @BeforeAll
    static void runOneJobOnEachOfTwoRepositories() throws IOException {
        Path one = dir.resolve("videos-a");
        Path two = dir.resolve("videos-b");
        TestData.walking(one.resolve("walk.mp4"), 320, 180, 10, 2, 0.3, 1.7);
        TestData.walking(two.resolve("walk.mp4"), 320, 180, 10, 2, 0.3, 1.7);
        TestData.walking(two.resolve("again.mp4"), 320, 180, 10, 2, 0.2, 1.5);
        first = run("a", one);
        second = run("b", two);
    }

    private static Run run(String name, Path videos) throws IOException {
        Path spec = TestData.spec(dir, name, """
                name: shared
                input: {paths: [%s]}
                model: {path: %s}
                chunkSize: 8
                threads: 2
                output: %s
                publish: {target: "file://%s"}
                """.formatted(videos, SharedData.fastModel(), dir.resolve("out"), dir.resolve("central")));
        // a folder: --db makes the H2 file edgebatch inside it
        String db = Files.createDirectories(dir.resolve("db-" + name)).toString();
        Cli.Result result = Cli.run("run", spec.toString(), "--db", db, "--json", "--progress", "none");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        String repositoryId = (String) RepositoryQueries.inFolder(Path.of(db))
                .rows("SELECT REPOSITORY_ID FROM EB_REPOSITORY").getFirst().getFirst();
        return new Run(db, repositoryId, JsonMapper.shared().readTree(result.out()));
    }

    @Test
    void bothRunsHaveTheSameIdsButTheirOwnReportsEventsAndPublishedFiles() throws IOException {
        // the case that overwrote: execution and instance 1 in both repositories
        assertThat(List.of(first, second)).allSatisfy(run -> {
            assertThat(run.outcome().get("jobExecutionId").asLong()).isEqualTo(1);
            assertThat(run.outcome().get("jobInstanceId").asLong()).isEqualTo(1);
        });
        assertThat(first.repositoryId()).isNotEqualTo(second.repositoryId());

        for (Run run : List.of(first, second)) {
            // each report under its repository's folder, holding that repository's run
            String folder = run.repositoryId().replace("-", "").substring(0, 8);
            assertThat(run.reportFile()).isEqualTo(dir.resolve("out/runs").resolve(folder).resolve("1/report.json"));
            assertThat(run.eventsFolder()).isEqualTo(dir.resolve("out/shared").resolve(folder).resolve("1"));
            JsonNode report = JsonMapper.shared().readTree(run.reportFile().toFile());
            assertThat(report.get("totals").get("files").asLong()).isEqualTo(run == first ? 1 : 2);
            assertThat(report.get("events")).isNotEmpty();
            // every event of the report has its JSON in the run's own events folder
            assertThat(files(run.eventsFolder(), ".json")).hasSize(report.get("events").size());
            assertThat(dir.resolve("central/shared").resolve(folder).resolve("1/local/manifest.json")).isRegularFile();
        }
        assertThat(files(dir.resolve("out"), "report.json")).containsExactlyInAnyOrder(first.reportFile(), second.reportFile());
    }

    @Test
    void reportsWrittenByRealRunsMatchTheSchemaAndAreReadByTheCostModel() throws IOException {
        Schema schema;
        try (InputStream in = RunReport.class.getResourceAsStream(RunReport.SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        for (Run run : List.of(first, second)) {
            JsonNode written = JsonMapper.shared().readTree(run.reportFile().toFile());
            assertThat(schema.validate(written)).extracting(Error::toString).as(run.reportFile().toString()).isEmpty();

            org.edgebatch.cost.run.RunReport read = new RunReportReader().read(run.reportFile());
            assertThat(read.jobExecutionId()).isEqualTo(1);
            assertThat(read.jobName()).isEqualTo("shared");
            assertThat(read.status()).isEqualTo("COMPLETED");
            assertThat(read.totals().files()).isEqualTo(written.get("totals").get("files").asLong());
            assertThat(read.totals().framesDecoded()).isEqualTo(written.get("totals").get("framesDecoded").asLong());
            assertThat(read.totals().bytesScanned()).isEqualTo(written.get("totals").get("bytesScanned").asLong());
            assertThat(read.nodes()).extracting(org.edgebatch.cost.run.RunReport.NodeTotals::nodeId).containsExactly("local");
        }
    }

    @Test
    void costFromRunTakesTheReportOfTheRepositoryItIsGivenAndRefusesToGuess() {
        // when
        Cli.Result guessed = Cli.run("cost", "--from-run", "1", "--runs-dir", dir.resolve("out/runs").toString());
        Cli.Result ofFirst = Cli.run("cost", "--from-run", "1", "--db", first.db(), "--cameras", "10");
        Cli.Result ofSecond = Cli.run("cost", "--from-run", "1", "--db", second.db(), "--runs-dir", dir.resolve("out").toString(),
                "--cameras", "10");
        Cli.Result unknown = Cli.run("cost", "--from-run", "9", "--db", first.db());

        // then
        assertThat(guessed.exitCode()).as(guessed.toString()).isEqualTo(1);
        assertThat(guessed.err()).contains("execution 1 has 2 run reports under " + dir.resolve("out/runs"),
                first.reportFile().toString(), second.reportFile().toString(), "pass --db");
        assertThat(ofFirst.exitCode()).as(ofFirst.toString()).isZero();
        assertThat(ofFirst.out()).contains("run 1 (shared), COMPLETED", " s of video in 1 files");
        assertThat(ofSecond.exitCode()).as(ofSecond.toString()).isZero();
        assertThat(ofSecond.out()).contains(" s of video in 2 files");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("no job execution 9");
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
