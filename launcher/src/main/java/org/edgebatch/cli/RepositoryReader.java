package org.edgebatch.cli;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.edgebatch.credentials.Credentials;
import org.edgebatch.credentials.DatabaseLogin;
import org.edgebatch.job.DatabaseClock;
import org.edgebatch.job.EdgeBatchProperties;
import org.edgebatch.job.ExecutionExplorer;
import org.edgebatch.job.JobSpecStore;
import org.edgebatch.job.PartitionClaims;
import org.edgebatch.job.ProcessHeartbeat;
import org.edgebatch.partition.registry.NodeRegistry;
import org.edgebatch.report.RunReportBuilder;
import org.edgebatch.repository.RepositoryKeeper;
import org.edgebatch.repository.RepositorySchema;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.edgebatch.step.SqlDialect;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The job repository as the commands that only read it ({@code jobs}, {@code status}, {@code events}, {@code nodes})
 * open it: one JDBC connection and the same read-side classes the job context has ({@link ExecutionExplorer},
 * {@link NodeRegistry}), built by hand, because starting Spring Boot's context cost these commands seconds. An H2 file
 * repository is leased from its keeper exactly as {@link JobContext} does, so reading while a job runs elsewhere works
 * and this process's exit breaks no one's connections.
 */
final class RepositoryReader implements AutoCloseable {

    private final String databaseUrl;
    private final Optional<RepositoryKeeper.Lease> lease;
    private final SingleConnectionDataSource dataSource;
    private final EdgeBatchProperties properties;
    private final ProcessHeartbeat heartbeat;
    private final ExecutionExplorer executions;
    private final NodeRegistry nodes;

    private RepositoryReader(String databaseUrl, Optional<RepositoryKeeper.Lease> lease, SingleConnectionDataSource dataSource,
                             EdgeBatchProperties properties) throws Exception {
        this.databaseUrl = databaseUrl;
        this.lease = lease;
        this.dataSource = dataSource;
        this.properties = properties;
        // A repository a newer or older EdgeBatch left is migrated or refused as the job context would.
        RepositorySchema schema = new RepositorySchema(dataSource);
        schema.migrateIfBehind();
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        SqlDialect dialect = SqlDialect.of(dataSource);
        JobRepository jobRepository = jobRepository(schema.batchDatabaseType(), transactions);
        JobSpecStore specs = new JobSpecStore(jdbc, dialect, new JobSpecLoader());
        DatabaseClock clock = new DatabaseClock(jdbc, dialect, Clock.systemUTC());
        this.heartbeat = new ProcessHeartbeat(jdbc, properties.heartbeatInterval(), clock::millis);
        this.executions = new ExecutionExplorer(jobRepository, specs, heartbeat, new PartitionClaims(jdbc, transactions),
                new RunReportBuilder(jdbc, jobRepository, specs), jdbc);
        this.nodes = new NodeRegistry(jdbc, transactions, clock);
    }

    /**
     * Opens the job repository at {@code databaseUrl} (its password, if not in the URL, from the environment or the
     * credentials file) with the process settings ({@code edgebatch.*}) of the system properties and environment.
     *
     * @throws JobContext.JobRepositoryException when it cannot be opened, with the database's reason and the URL without
     *                                           password, as the job context says it
     */
    static RepositoryReader open(String databaseUrl) {
        Objects.requireNonNull(databaseUrl, "databaseUrl must not be null");
        DatabaseLogin login = DatabaseLogin.of(databaseUrl, Credentials.ofProcess(JobSpec.edgebatchHome()));
        EdgeBatchProperties properties = Binder.get(new StandardEnvironment())
                .bindOrCreate("edgebatch", EdgeBatchProperties.class);
        Optional<RepositoryKeeper.Lease> lease = Optional.empty();
        SingleConnectionDataSource dataSource = null;
        try {
            lease = JobContext.keeper().lease(login.url());
            dataSource = new SingleConnectionDataSource(login.url(), login.user(), login.password(), true);
            return new RepositoryReader(login.url(), lease, dataSource, properties);
        } catch (Exception e) {
            if (dataSource != null) {
                dataSource.destroy();
            }
            lease.ifPresent(RepositoryKeeper.Lease::close);
            throw new JobContext.JobRepositoryException("cannot open the job repository " + login.url() + ": "
                    + JobContext.rootMessage(e), e);
        }
    }

    private JobRepository jobRepository(String databaseType, JdbcTransactionManager transactions) throws Exception {
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.setDatabaseType(databaseType);
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    ExecutionExplorer executions() {
        return executions;
    }

    NodeRegistry nodes() {
        return nodes;
    }

    EdgeBatchProperties properties() {
        return properties;
    }

    /** The repository's URL, without a password. */
    String databaseUrl() {
        return databaseUrl;
    }

    @Override
    public void close() {
        try {
            heartbeat.close();
            dataSource.destroy();
        } finally {
            lease.ifPresent(RepositoryKeeper.Lease::close);
        }
    }
}
