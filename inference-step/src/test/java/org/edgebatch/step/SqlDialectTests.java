package org.edgebatch.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlDialectTests {

    @Test
    void upsertsReplaceTheRowWithTheSameKey() {
        List<String> keys = List.of("A", "B");
        List<String> columns = List.of("A", "B", "C", "D");

        assertThat(SqlDialect.H2.upsert("T", keys, columns))
                .isEqualTo("MERGE INTO T (A, B, C, D) KEY (A, B) VALUES (?, ?, ?, ?)");
        assertThat(SqlDialect.MARIADB.upsert("T", keys, columns))
                .isEqualTo("INSERT INTO T (A, B, C, D) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE C = VALUES(C), D = VALUES(D)");
    }

    @Test
    void theDialectComesFromTheProductName() {
        assertThat(SqlDialect.ofProduct("H2")).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.ofProduct("MariaDB")).isEqualTo(SqlDialect.MARIADB);
        assertThat(SqlDialect.ofProduct("MySQL")).isEqualTo(SqlDialect.MARIADB);
        assertThatThrownBy(() -> SqlDialect.ofProduct("PostgreSQL"))
                .hasMessage("unsupported database 'PostgreSQL': EdgeBatch runs on H2 or MariaDB/MySQL");
    }
}
