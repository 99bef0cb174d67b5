package org.edgebatch.partition.registry;

import java.time.Instant;
import org.edgebatch.job.DatabaseClock;
import org.edgebatch.repository.RepositorySchema;
import org.edgebatch.step.SqlDialect;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A job repository of its own for one test: in-memory H2 migrated by {@link RepositorySchema}, and a node registry on
 * a {@link DatabaseClock} over a clock the test moves (moves under the clock's five-minute re-measuring keep their
 * exact length on the repository's clock).
 */
final class TestRepository implements AutoCloseable {

    final SimpleDriverDataSource dataSource;
    final JdbcTemplate jdbc;
    final JdbcTransactionManager transactionManager;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    final NodeRegistry registry;

    private final RepositorySchema schema;

    TestRepository() {
        dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:registry" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        schema = new RepositorySchema(dataSource);
        schema.migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactionManager = new JdbcTransactionManager(dataSource);
        registry = new NodeRegistry(jdbc, transactionManager, new DatabaseClock(jdbc, SqlDialect.H2, clock));
    }

    /** Spring Batch's JDBC job repository on the same database. */
    JobRepository jobRepository() throws Exception {
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        factory.setDatabaseType(schema.batchDatabaseType());
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    @Override
    public void close() {
        jdbc.execute("SHUTDOWN");
    }
}
