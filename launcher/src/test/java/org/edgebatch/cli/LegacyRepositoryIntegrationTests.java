package org.edgebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.edgebatch.repository.RepositoryKeeper;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job repository as EdgeBatch made it before versioned migrations (Spring Batch's tables and the first EdgeBatch
 * tables, no schema history) is taken in place by the next command: {@code status} reads its old execution and
 * {@code restart} completes it.
 */
@ExtendWith(KeepersGone.class)
class LegacyRepositoryIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void statusAndRestartWorkOnTheExecutionsOfARepositoryMadeBeforeMigrations() throws Exception {
        // given: a run that failed at publishing (the target's folder is taken by a file) ...
        TestData.walking(dir.resolve("videos/walk.mp4"), 320, 180, 10, 3, 0.5, 2.5);
        Path central = Files.writeString(dir.resolve("central"), "not a folder");
        Path spec = TestData.spec(dir, "legacy", """
                name: legacy
                input: {paths: [videos]}
                model: {path: %s}
                threads: 1
                output: out
                publish: {target: "%s"}
                """.formatted(SharedData.fastModel(), central.toUri()));
        Path db = Files.createDirectories(dir.resolve("db"));
        Path home = Files.createDirectories(dir.resolve("home"));
        CliProcess.Finished failed = CliProcess.run(home, Duration.ofMinutes(3), "run", spec.toString(), "--db", db.toString(),
                "--json", "--progress", "none");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        long execution = JsonMapper.shared().readTree(failed.out()).get("jobExecutionId").asLong();
        // ... in a repository turned back into what the first versions left: no history, none of the later tables
        RepositoryQueries repository = RepositoryQueries.inFolder(db);
        try (RepositoryKeeper.Lease lease = KeepersGone.keeper().lease(repository.url()).orElseThrow();
             Connection connection = DriverManager.getConnection(repository.url(), "", "");
             Statement statement = connection.createStatement()) {
            for (String table : new String[] {"EB_SCHEMA_HISTORY", "EB_REPOSITORY", "EB_NODE", "EB_NODE_FILE", "EB_PARTITION_CLAIM",
                    "EB_LEFT_OUT_FILE"}) {
                statement.execute("DROP TABLE \"" + table + "\"");
            }
            // and none of the columns later versions added to the first tables
            statement.execute("DROP INDEX EB_VIDEO_PARTITION");
            for (String column : new String[] {"EB_OUTBOX.UPLOADED_BYTES", "EB_OUTBOX.TARGET", "EB_VIDEO.PARTITION_NAME",
                    "EB_VIDEO.PARTITION_INDEX"}) {
                String[] tableColumn = column.split("\\.");
                statement.execute("ALTER TABLE " + tableColumn[0] + " DROP COLUMN " + tableColumn[1]);
            }
        }

        // when
        CliProcess.Finished status = CliProcess.run(home, Duration.ofMinutes(1), "status", Long.toString(execution), "--db", db.toString(),
                "--json");
        Files.delete(central);
        CliProcess.Finished restarted = CliProcess.run(home, Duration.ofMinutes(3), "restart", Long.toString(execution), "--db",
                db.toString(), "--json", "--progress", "none");

        // then
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(JsonMapper.shared().readTree(status.out()).get("status").asString()).isEqualTo("FAILED");
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(JsonMapper.shared().readTree(restarted.out()).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(repository.rows("SELECT \"version\", \"type\" FROM \"EB_SCHEMA_HISTORY\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                .extracting(row -> row.get(0) + " " + row.get(1)).containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL", "6 SQL");
    }
}
