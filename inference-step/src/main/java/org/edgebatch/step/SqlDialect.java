package org.edgebatch.step;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The two databases the job repository may live in, and the one statement that differs between them: an insert that
 * replaces the row with the same key, so a chunk written twice (after a rollback or a restart) leaves one row.
 */
public enum SqlDialect {

    /** H2 (the embedded default): {@code MERGE INTO ... KEY (...) VALUES (...)}. */
    H2,
    /** MariaDB and MySQL: {@code INSERT ... ON DUPLICATE KEY UPDATE}. */
    MARIADB;

    /** The dialect of the database behind {@code dataSource}, from its product name. */
    public static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return ofProduct(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the job repository is: " + e.getMessage(), e);
        }
    }

    /** The dialect of a JDBC product name ({@code H2}, {@code MariaDB}, {@code MySQL}). */
    public static SqlDialect ofProduct(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MARIADB;
        }
        throw new IllegalStateException("unsupported database '" + productName + "': EdgeBatch runs on H2 or MariaDB/MySQL");
    }

    /** The script name part: {@code h2} or {@code mariadb}. */
    public String scriptSuffix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A query of the database server's clock, in milliseconds since the epoch (whatever the session's time zone). */
    public String epochMillisQuery() {
        return switch (this) {
            case H2 -> "SELECT CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";
            case MARIADB -> "SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
        };
    }

    /**
     * An insert of {@code columns} into {@code table} with one {@code ?} per column that overwrites the row whose
     * {@code keys} (a prefix or subset of the columns) are the same.
     */
    public String upsert(String table, List<String> keys, List<String> columns) {
        String placeholders = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + placeholders + ")";
            case MARIADB -> {
                List<String> values = columns.stream().filter(c -> !keys.contains(c)).toList();
                String updates = values.isEmpty()
                        ? keys.getFirst() + " = " + keys.getFirst()
                        : values.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
                yield "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders
                        + ") ON DUPLICATE KEY UPDATE " + updates;
            }
        };
    }
}
