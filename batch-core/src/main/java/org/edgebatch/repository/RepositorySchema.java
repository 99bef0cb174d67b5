package org.edgebatch.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The job repository's schema, versioned with Flyway: version 1 is Spring Batch's tables, 2 EdgeBatch's first tables,
 * 3 the distributed mode's, 4 the publish uploads, 5 the left-out files, 6 the partitions of several files (see {@code org/edgebatch/db/common}). {@link #migrate()} brings a repository up to
 * {@link #LATEST_VERSION}; a repository made by an EdgeBatch from before the migrations (tables but no history) is
 * taken in place as version 2, and one newer than this program is refused naming both versions. Flyway's lock
 * serialises processes that start on a new repository at once.
 */
public final class RepositorySchema {

    /** The newest schema version this program knows. */
    public static final int LATEST_VERSION = 6;

    /** Flyway's history table; its name says whose it is, beside Spring Batch's tables. */
    public static final String HISTORY_TABLE = "EB_SCHEMA_HISTORY";

    private static final String LOCATION = "classpath:org/edgebatch/db/common";

    private final DataSource dataSource;
    private volatile State state;

    /** What {@link #migrate()} found and left. */
    private record State(RepositoryDatabase database, String batchDatabaseType, String repositoryId, int version) {
    }

    public RepositorySchema(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    }

    /**
     * Creates or upgrades the schema (once per instance; later calls return at once).
     *
     * @throws RepositorySchemaException when the repository is newer than this program or a migration fails
     */
    public synchronized void migrate() {
        if (state != null) {
            return;
        }
        RepositoryDatabase database = RepositoryDatabase.of(dataSource);
        Flyway flyway = flyway(database, null);
        refuseNewer(flyway);
        if (!hasTable(HISTORY_TABLE) && hasTable("BATCH_JOB_INSTANCE")) {
            // Made before the migrations existed: its tables are versions 1 and 2 (or just Spring Batch's, version 1).
            String baseline = hasTable("EB_JOB_SPEC") ? "2" : "1";
            try {
                flyway(database, baseline).baseline();
            } catch (FlywayException e) {
                // Another process took the same repository in place a moment ago; its history now says where it is.
                if (!hasTable(HISTORY_TABLE)) {
                    throw new RepositorySchemaException("the job repository could not be versioned: " + e.getMessage(), e);
                }
            }
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new RepositorySchemaException("the job repository's schema could not be migrated to version "
                    + LATEST_VERSION + ": " + firstLine(e.getMessage()), e);
        }
        MigrationInfo current = flyway.info().current();
        int version = current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
        state = new State(database, batchDatabaseType(database), readRepositoryId(), version);
    }

    /**
     * Brings the schema to {@link #LATEST_VERSION} like {@link #migrate()}, but when the history table already records
     * every version up to it as applied, trusts that one query and leaves Flyway unloaded (it costs read-only commands
     * a large part of their start-up, and a run half a second before its first frame). Flyway's check of applied
     * scripts against this program's is then skipped: the scripts of a released version do not change, and a
     * repository is only ever migrated by them; anything behind, failed or newer goes through {@link #migrate()}.
     */
    public synchronized void migrateIfBehind() {
        if (state != null) {
            return;
        }
        if (hasTable(HISTORY_TABLE) && appliedVersion() == LATEST_VERSION) {
            RepositoryDatabase database = RepositoryDatabase.of(dataSource);
            state = new State(database, batchDatabaseType(database), readRepositoryId(), LATEST_VERSION);
        } else {
            migrate();
        }
    }

    /** The newest version the history records as applied; -1 when any row failed (Flyway must look at it). */
    private int appliedVersion() {
        int newest = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + HISTORY_TABLE)) {
            while (rows.next()) {
                if (!rows.getBoolean("success")) {
                    return -1;
                }
                String version = rows.getString("version");
                if (version != null) {
                    // Flyway writes "3", "3.1" or "3_1"; the major version is what LATEST_VERSION counts.
                    newest = Math.max(newest, Integer.parseInt(version.split("[._]", 2)[0]));
                }
            }
            return newest;
        } catch (SQLException e) {
            throw new RepositorySchemaException("cannot read the job repository's schema history: " + e.getMessage(), e);
        }
    }

    /**
     * The database type Spring Batch's JDBC repository must be configured with: {@code H2}, or {@code MYSQL} for the
     * MySQL family — except a MariaDB repository made before the migrations, whose id sequences are real sequences
     * ({@code MARIADB}). Decided by the schema, not the driver, so both drivers work on one repository.
     */
    public String batchDatabaseType() {
        migrate();
        return state.batchDatabaseType();
    }

    /** The id made with the schema, the same for every process using this repository. */
    public String repositoryId() {
        migrate();
        return state.repositoryId();
    }

    /** The schema version after migration. */
    public int version() {
        migrate();
        return state.version();
    }

    private FluentConfiguration configuration(RepositoryDatabase database) {
        return Flyway.configure(RepositorySchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .javaMigrations(new SpringBatchTablesMigration(database))
                .placeholders(database.placeholders())
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true);
    }

    private Flyway flyway(RepositoryDatabase database, String baselineVersion) {
        FluentConfiguration configuration = configuration(database);
        if (baselineVersion != null) {
            configuration.baselineVersion(MigrationVersion.fromVersion(baselineVersion))
                    .baselineDescription("made by EdgeBatch before versioned migrations");
        }
        return configuration.load();
    }

    private void refuseNewer(Flyway flyway) {
        if (!hasTable(HISTORY_TABLE)) {
            return;
        }
        MigrationInfo[] applied = flyway.info().applied();
        int newest = Arrays.stream(applied)
                .filter(info -> info.getVersion() != null)
                .mapToInt(info -> Integer.parseInt(info.getVersion().getMajorAsString()))
                .max().orElse(0);
        if (newest > LATEST_VERSION) {
            throw new RepositorySchemaException("the job repository has schema version " + newest
                    + ", newer than this EdgeBatch, which knows versions up to " + LATEST_VERSION
                    + "; use the EdgeBatch that upgraded it, or a newer one");
        }
    }

    private String batchDatabaseType(RepositoryDatabase database) {
        if (database == RepositoryDatabase.H2) {
            return "H2";
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_TYPE FROM information_schema.TABLES"
                     + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'BATCH_JOB_INSTANCE_SEQ'")) {
            return rows.next() && "SEQUENCE".equalsIgnoreCase(rows.getString(1)) ? "MARIADB" : "MYSQL";
        } catch (SQLException e) {
            throw new RepositorySchemaException("cannot read the job repository's id sequences: " + e.getMessage(), e);
        }
    }

    private String readRepositoryId() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT REPOSITORY_ID FROM EB_REPOSITORY")) {
            if (!rows.next()) {
                throw new RepositorySchemaException("the job repository has no id (EB_REPOSITORY is empty)");
            }
            return rows.getString(1);
        } catch (SQLException e) {
            throw new RepositorySchemaException("cannot read the job repository's id: " + e.getMessage(), e);
        }
    }

    /** Asks the driver's metadata, not a failing query: drivers log failed statements as warnings. */
    private boolean hasTable(String table) {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
            return tables.next();
        } catch (SQLException e) {
            throw new RepositorySchemaException("cannot list the job repository's tables: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
