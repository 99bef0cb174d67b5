package org.edgebatch.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.edgebatch.step.SqlDialect;

/**
 * The kind of database a job repository lives in, as far as its schema cares: H2, or the MySQL family (MySQL or
 * MariaDB server, reached through either driver).
 */
enum RepositoryDatabase {

    H2("org/springframework/batch/core/schema-h2.sql",
            Map.of("tableOptions", "", "clobType", "CLOB", "textType", "VARCHAR(16000)",
                    "uuid", "CAST(RANDOM_UUID() AS VARCHAR(36))")),
    MYSQL("org/springframework/batch/core/schema-mysql.sql",
            Map.of("tableOptions", " ENGINE=InnoDB", "clobType", "LONGTEXT", "textType", "TEXT", "uuid", "UUID()"));

    private final String batchScript;
    private final Map<String, String> placeholders;

    RepositoryDatabase(String batchScript, Map<String, String> placeholders) {
        this.batchScript = batchScript;
        this.placeholders = placeholders;
    }

    static RepositoryDatabase of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new RepositorySchemaException("cannot tell which database the job repository is: " + e.getMessage(), e);
        }
    }

    static RepositoryDatabase of(String productName) {
        return SqlDialect.ofProduct(productName.toLowerCase(Locale.ROOT)) == SqlDialect.H2 ? H2 : MYSQL;
    }

    /** Spring Batch's create script for this database. */
    String batchScript() {
        return batchScript;
    }

    /** Flyway placeholders: the few types and table options the migrations write differently per database. */
    Map<String, String> placeholders() {
        return placeholders;
    }
}
