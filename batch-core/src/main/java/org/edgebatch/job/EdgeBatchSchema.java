package org.edgebatch.job;

import javax.sql.DataSource;
import org.edgebatch.step.SqlDialect;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates EdgeBatch's own tables ({@code EB_*}) where they are missing, with the script for the database at hand
 * ({@code schema-h2.sql} or {@code schema-mariadb.sql} beside this class). Every statement is
 * {@code CREATE TABLE IF NOT EXISTS}, so running it against a database that has them changes nothing.
 */
public final class EdgeBatchSchema {

    private final DataSource dataSource;
    private final SqlDialect dialect;

    public EdgeBatchSchema(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The script's classpath location for a dialect. */
    public static String script(SqlDialect dialect) {
        return "org/edgebatch/job/schema-" + dialect.scriptSuffix() + ".sql";
    }

    public void create() {
        new ResourceDatabasePopulator(new ClassPathResource(script(dialect))).execute(dataSource);
    }
}
