package org.edgebatch.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The job repository's schema on H2: a new repository, a second migration, one made before the migrations, one too new. */
class RepositorySchemaTests {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:schema" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    @AfterEach
    void dropDatabase() {
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void aNewRepositoryIsMigratedToTheLatestVersionAndHasAnId() {
        // given
        RepositorySchema schema = new RepositorySchema(dataSource);

        // when
        schema.migrate();

        // then
        assertThat(schema.version()).isEqualTo(RepositorySchema.LATEST_VERSION).isEqualTo(6);
        assertThat(schema.repositoryId()).matches(UUID);
        assertThat(schema.batchDatabaseType()).isEqualTo("H2");
        assertThat(history()).containsExactly("1 JDBC", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL");
        assertThat(jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", String.class))
                .contains("BATCH_JOB_INSTANCE", "BATCH_STEP_EXECUTION", "EB_JOB_SPEC", "EB_FRAME", "EB_HEARTBEAT",
                        "EB_REPOSITORY", "EB_NODE", "EB_NODE_FILE", "EB_PARTITION_CLAIM");
    }

    @Test
    void migratingAgainChangesNothing() {
        // given
        RepositorySchema first = new RepositorySchema(dataSource);
        first.migrate();
        List<Map<String, Object>> history = jdbc.queryForList("SELECT * FROM EB_SCHEMA_HISTORY ORDER BY \"installed_rank\"");

        // when: the same instance again, and another process's instance on the same repository
        first.migrate();
        RepositorySchema second = new RepositorySchema(dataSource);
        second.migrate();

        // then
        assertThat(jdbc.queryForList("SELECT * FROM EB_SCHEMA_HISTORY ORDER BY \"installed_rank\"")).isEqualTo(history);
        assertThat(second.version()).isEqualTo(6);
        assertThat(second.repositoryId()).isEqualTo(first.repositoryId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EB_REPOSITORY", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRepositoryMadeBeforeTheMigrationsIsTakenInPlace() throws Exception {
        // given: the tables as Spring Batch's script and EdgeBatch's hand-written one made them, with a job run in them
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"),
                new ClassPathResource("org/edgebatch/repository/legacy-schema-h2.sql")).execute(dataSource);
        JobRepository before = jobRepository(dataSource, "H2");
        JobParameters parameters = new JobParametersBuilder().addString("spec", "lobby.yaml").toJobParameters();
        JobInstance instance = before.createJobInstance("lobby", parameters);
        JobExecution execution = before.createJobExecution(instance, parameters, new ExecutionContext());
        jdbc.update("INSERT INTO EB_JOB_SPEC (JOB_INSTANCE_ID, JOB_NAME, SPEC_JSON, CREATED) VALUES (?, 'lobby', '{}', CURRENT_TIMESTAMP)",
                instance.getInstanceId());

        // when
        RepositorySchema schema = new RepositorySchema(dataSource);
        schema.migrate();

        // then: versioned from 2, the distributed mode's tables added, the old rows kept and the repository usable
        assertThat(history()).containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL", "6 SQL");
        assertThat(schema.version()).isEqualTo(6);
        assertThat(schema.repositoryId()).matches(UUID);
        assertThat(schema.batchDatabaseType()).isEqualTo("H2");
        JobRepository after = jobRepository(dataSource, schema.batchDatabaseType());
        assertThat(after.getJobExecution(execution.getId())).isNotNull()
                .satisfies(found -> assertThat(found.getJobInstance().getJobName()).isEqualTo("lobby"));
        assertThat(jdbc.queryForObject("SELECT JOB_NAME FROM EB_JOB_SPEC WHERE JOB_INSTANCE_ID = ?", String.class,
                instance.getInstanceId())).isEqualTo("lobby");
        JobInstance next = after.createJobInstance("lobby", new JobParametersBuilder().addString("spec", "other.yaml").toJobParameters());
        assertThat(next.getInstanceId()).isGreaterThan(instance.getInstanceId());
    }

    @Test
    void aRepositoryWithOnlySpringBatchsTablesIsTakenInPlaceAsVersionOne() {
        // given
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql")).execute(dataSource);

        // when
        RepositorySchema schema = new RepositorySchema(dataSource);
        schema.migrate();

        // then
        assertThat(history()).containsExactly("1 BASELINE", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL");
        assertThat(schema.version()).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EB_JOB_SPEC", Integer.class)).isZero();
    }

    @Test
    void aRepositoryNewerThanThisProgramIsRefusedNamingBothVersions() {
        // given: a repository a later EdgeBatch took to version 9
        new RepositorySchema(dataSource).migrate();
        jdbc.update("INSERT INTO EB_SCHEMA_HISTORY (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                + " \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (7, '9', 'from the future', 'SQL', 'V9__from_the_future.sql', 0, 'later', 1, TRUE)");

        // when / then
        assertThatThrownBy(() -> new RepositorySchema(dataSource).migrate())
                .isInstanceOf(RepositorySchemaException.class)
                .hasMessageContaining("schema version 9")
                .hasMessageContaining("versions up to 6");
        assertThat(history()).containsExactly("1 JDBC", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "9 SQL");
    }

    @Test
    void migrateIfBehindOnALatestRepositoryReadsItWithoutChangingIt() {
        // given
        RepositorySchema first = new RepositorySchema(dataSource);
        first.migrate();
        List<Map<String, Object>> history = jdbc.queryForList("SELECT * FROM EB_SCHEMA_HISTORY ORDER BY \"installed_rank\"");

        // when
        RepositorySchema reader = new RepositorySchema(dataSource);
        reader.migrateIfBehind();

        // then
        assertThat(reader.version()).isEqualTo(6);
        assertThat(reader.repositoryId()).isEqualTo(first.repositoryId());
        assertThat(reader.batchDatabaseType()).isEqualTo("H2");
        assertThat(jdbc.queryForList("SELECT * FROM EB_SCHEMA_HISTORY ORDER BY \"installed_rank\"")).isEqualTo(history);
    }

    @Test
    void migrateIfBehindMigratesANewOrOlderRepository() {
        // given: only Spring Batch's tables (version 1 once taken in place)
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql")).execute(dataSource);

        // when
        RepositorySchema schema = new RepositorySchema(dataSource);
        schema.migrateIfBehind();

        // then
        assertThat(history()).containsExactly("1 BASELINE", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL");
        assertThat(schema.version()).isEqualTo(6);
    }

    @Test
    void migrateIfBehindStillRefusesARepositoryNewerThanThisProgram() {
        // given
        new RepositorySchema(dataSource).migrate();
        jdbc.update("INSERT INTO EB_SCHEMA_HISTORY (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                + " \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (7, '7.1', 'from the future', 'SQL', 'V7_1__from_the_future.sql', 0, 'later', 1, TRUE)");

        // when / then
        assertThatThrownBy(() -> new RepositorySchema(dataSource).migrateIfBehind())
                .isInstanceOf(RepositorySchemaException.class)
                .hasMessageContaining("schema version 7");
    }

    /** Each applied migration as {@code "<version> <type>"}, in order (not Flyway's own table-created row). */
    private List<String> history() {
        return jdbc.queryForList("SELECT CONCAT(\"version\", ' ', \"type\") FROM EB_SCHEMA_HISTORY"
                + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class);
    }

    static JobRepository jobRepository(DataSource dataSource, String databaseType) throws Exception {
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new JdbcTransactionManager(dataSource));
        factory.setDatabaseType(databaseType);
        factory.afterPropertiesSet();
        return factory.getObject();
    }
}
