package org.edgebatch.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The job repository's schema on MariaDB (127.0.0.1:3306, user root, as {@code ci/services.sh} starts it), each test
 * in a database of its own: a repository made before the migrations (Spring Batch's MariaDB script, real sequences)
 * taken in place, and a new one used through both drivers.
 */
class RepositorySchemaMariaDbIntegrationTests {

    private static final String HOST = "//127.0.0.1:3306/";

    private String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = "eb_t_schema_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb:" + HOST, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb:" + HOST, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void aMariaDbRepositoryMadeBeforeTheMigrationsIsTakenInPlace() throws Exception {
        // given: Spring Batch's MariaDB script (sequences) and EdgeBatch's hand-written tables, with a job run in them
        SimpleDriverDataSource dataSource = dataSource(new org.mariadb.jdbc.Driver(), "jdbc:mariadb:");
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-mariadb.sql"),
                new ClassPathResource("org/edgebatch/repository/legacy-schema-mariadb.sql")).execute(dataSource);
        JobRepository before = RepositorySchemaTests.jobRepository(dataSource, "MARIADB");
        JobParameters parameters = new JobParametersBuilder().addString("spec", "lobby.yaml").toJobParameters();
        JobInstance instance = before.createJobInstance("lobby", parameters);
        JobExecution execution = before.createJobExecution(instance, parameters, new ExecutionContext());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO EB_JOB_SPEC (JOB_INSTANCE_ID, JOB_NAME, SPEC_JSON, CREATED) VALUES (?, 'lobby', '{}', NOW())",
                instance.getInstanceId());

        // when
        RepositorySchema schema = new RepositorySchema(dataSource);
        schema.migrate();

        // then
        assertThat(jdbc.queryForList("SELECT CONCAT(version, ' ', type) FROM EB_SCHEMA_HISTORY WHERE version IS NOT NULL"
                + " ORDER BY installed_rank", String.class)).containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL", "6 SQL");
        assertThat(schema.version()).isEqualTo(6);
        assertThat(schema.repositoryId()).isNotBlank();
        assertThat(schema.batchDatabaseType()).isEqualTo("MARIADB");
        JobRepository after = RepositorySchemaTests.jobRepository(dataSource, schema.batchDatabaseType());
        assertThat(after.getJobExecution(execution.getId())).isNotNull();
        assertThat(jdbc.queryForObject("SELECT JOB_NAME FROM EB_JOB_SPEC WHERE JOB_INSTANCE_ID = ?", String.class,
                instance.getInstanceId())).isEqualTo("lobby");
        JobInstance next = after.createJobInstance("lobby", new JobParametersBuilder().addString("spec", "other.yaml").toJobParameters());
        assertThat(next.getInstanceId()).isGreaterThan(instance.getInstanceId());
    }

    @Test
    void aNewRepositoryMadeThroughEitherDriverWorksThroughTheOther() throws Exception {
        // given: a repository made through MySQL Connector/J, its sequences in tables
        SimpleDriverDataSource mysql = dataSource(new com.mysql.cj.jdbc.Driver(), "jdbc:mysql:");
        RepositorySchema mysqlSchema = new RepositorySchema(mysql);
        mysqlSchema.migrate();
        JobExecution first = launch(mysql, mysqlSchema.batchDatabaseType(), "first");

        // when: the same database opened through the MariaDB driver
        SimpleDriverDataSource mariadb = dataSource(new org.mariadb.jdbc.Driver(), "jdbc:mariadb:");
        RepositorySchema mariadbSchema = new RepositorySchema(mariadb);
        mariadbSchema.migrate();
        JobExecution second = launch(mariadb, mariadbSchema.batchDatabaseType(), "second");
        JobExecution third = launch(mysql, mysqlSchema.batchDatabaseType(), "third");

        // then: one schema, one id, and job executions through both drivers
        assertThat(List.of(mysqlSchema.batchDatabaseType(), mariadbSchema.batchDatabaseType())).containsOnly("MYSQL");
        assertThat(mariadbSchema.version()).isEqualTo(6);
        assertThat(mariadbSchema.repositoryId()).isEqualTo(mysqlSchema.repositoryId());
        assertThat(List.of(first.getId(), second.getId(), third.getId())).doesNotHaveDuplicates();
        JobRepository throughMariaDb = RepositorySchemaTests.jobRepository(mariadb, "MYSQL");
        assertThat(throughMariaDb.getJobExecution(first.getId())).isNotNull();
        assertThat(throughMariaDb.getJobExecution(third.getId())).isNotNull();
        assertThat(RepositorySchemaTests.jobRepository(mysql, "MYSQL").getJobExecution(second.getId())).isNotNull();
        assertThat(new JdbcTemplate(mysql).queryForObject("SELECT COUNT(*) FROM EB_SCHEMA_HISTORY WHERE version IS NOT NULL",
                Integer.class)).isEqualTo(6);
    }

    @Test
    void aNewRepositoryMadeThroughTheMariaDbDriverHasTableSequences() throws Exception {
        // given
        SimpleDriverDataSource mariadb = dataSource(new org.mariadb.jdbc.Driver(), "jdbc:mariadb:");

        // when
        RepositorySchema schema = new RepositorySchema(mariadb);
        schema.migrate();

        // then: Spring Batch's MySQL tables, so the MySQL driver can use it too
        assertThat(schema.batchDatabaseType()).isEqualTo("MYSQL");
        JobExecution execution = launch(dataSource(new com.mysql.cj.jdbc.Driver(), "jdbc:mysql:"), "MYSQL", "through-mysql");
        assertThat(RepositorySchemaTests.jobRepository(mariadb, "MYSQL").getJobExecution(execution.getId())).isNotNull();
    }

    private SimpleDriverDataSource dataSource(Driver driver, String scheme) {
        return new SimpleDriverDataSource(driver, scheme + HOST + database, "root", "");
    }

    private static JobExecution launch(SimpleDriverDataSource dataSource, String databaseType, String spec) throws Exception {
        JobRepository jobs = RepositorySchemaTests.jobRepository(dataSource, databaseType);
        JobParameters parameters = new JobParametersBuilder().addString("spec", spec).toJobParameters();
        return jobs.createJobExecution(jobs.createJobInstance("lobby", parameters), parameters, new ExecutionContext());
    }
}
