package org.edgebatch.repository;

import java.sql.Connection;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Version 1 of the job repository: Spring Batch's own tables, created by the script Spring Batch ships for the
 * database, so they always match the Spring Batch on the class path. MySQL and MariaDB both get Spring Batch's MySQL
 * script (sequences kept in tables), which both drivers ({@code jdbc:mysql://}, {@code jdbc:mariadb://}) can use.
 */
final class SpringBatchTablesMigration implements JavaMigration {

    private final RepositoryDatabase database;

    SpringBatchTablesMigration(RepositoryDatabase database) {
        this.database = database;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
        return "spring batch tables";
    }

    @Override
    public Integer getChecksum() {
        return database.batchScript().hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        Connection connection = context.getConnection();
        // The populator closes what it borrows: lend it the migration's connection without letting it close it.
        SingleConnectionDataSource borrowed = new SingleConnectionDataSource(connection, true);
        new ResourceDatabasePopulator(new ClassPathResource(database.batchScript())).execute(borrowed);
    }
}
