package org.edgebatch.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTests {

    @TempDir
    Path dir;

    @Test
    void theEnvironmentComesBeforeTheFile() throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("credentials.properties"), "db.password=from-file\nbroker.password=broker-file\n");
        Credentials credentials = new Credentials(Map.of(Credentials.DB_PASSWORD_VARIABLE, "from-env"), file);

        // when / then
        assertThat(credentials.databasePassword()).hasValue("from-env");
        assertThat(credentials.brokerPassword()).hasValue("broker-file");
    }

    @Test
    void theFileIsReadWhenTheEnvironmentHasNoPassword() throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("credentials.properties"), """
                # EdgeBatch passwords
                db.password = s3cret
                broker.password: hunter2
                """);

        // when
        Credentials credentials = new Credentials(Map.of(), file);

        // then
        assertThat(credentials.databasePassword()).hasValue("s3cret");
        assertThat(credentials.brokerPassword()).hasValue("hunter2");
    }

    @Test
    void theVariableNamesAnotherFile() throws Exception {
        // given
        Path defaultFile = Files.writeString(dir.resolve("credentials.properties"), "db.password=default\n");
        Path named = Files.writeString(dir.resolve("site.properties"), "db.password=named\n");

        // when
        Credentials credentials = new Credentials(Map.of(Credentials.FILE_VARIABLE, named.toString()), defaultFile);

        // then
        assertThat(credentials.databasePassword()).hasValue("named");
        assertThat(credentials.brokerPassword()).isEmpty();
    }

    @Test
    void noPasswordWithoutAVariableOrAFile() throws Exception {
        assertThat(new Credentials(Map.of(), dir.resolve("missing.properties")).databasePassword()).isEmpty();
        assertThat(new Credentials(Map.of(), null).brokerPassword()).isEmpty();
        assertThat(new Credentials(Map.of(), Files.createDirectory(dir.resolve("folder"))).databasePassword()).isEmpty();
        assertThat(new Credentials(Map.of(Credentials.BROKER_PASSWORD_VARIABLE, "b"), null).databasePassword()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsAnErrorNamingIt() throws Exception {
        // given: a password written in Latin-1, not UTF-8
        Path file = Files.write(dir.resolve("credentials.properties"), "db.password=caf\u00e9".getBytes("ISO-8859-1"));
        Credentials credentials = new Credentials(Map.of(), file);

        // when / then
        assertThatThrownBy(credentials::databasePassword)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the credentials file " + file + " cannot be read")
                .hasMessageNotContaining("caf");
    }
}
