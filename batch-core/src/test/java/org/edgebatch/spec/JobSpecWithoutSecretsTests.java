package org.edgebatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is stored with a job instance: the spec without the passwords of its database and broker URLs. */
class JobSpecWithoutSecretsTests {

    @TempDir
    Path dir;

    private final JobSpecLoader loader = new JobSpecLoader();

    @Test
    void thePasswordsOfTheDatabaseAndBrokerUrlsAreLeftOut() {
        // given
        JobSpec spec = loader.load(new SpecFiles(dir).spec("""
                database: jdbc:mariadb://eb:s3cret@db.local:3306/edgebatch?useSSL=true&password=other
                broker: amqp://worker:hunter;2@rabbit.local:5672/%2F
                """));

        // when
        JobSpec stored = spec.withoutSecrets();

        // then
        assertThat(stored.database()).isEqualTo("jdbc:mariadb://eb@db.local:3306/edgebatch?useSSL=true");
        assertThat(stored.broker()).hasValue("amqp://worker@rabbit.local:5672/%2F");
        assertThat(stored).usingRecursiveComparison().ignoringFields("database", "broker").isEqualTo(spec);
        String json = loader.toJson(stored);
        assertThat(json).doesNotContain("s3cret", "hunter", "other");
        assertThat(loader.read("the stored spec", json)).isEqualTo(stored);
    }

    @Test
    void aSpecWithoutSecretsIsKeptAsItIs() {
        // given
        JobSpec spec = loader.load(new SpecFiles(dir).spec("""
                database: jdbc:mariadb://eb@db.local/edgebatch
                """));

        // when / then
        assertThat(spec.withoutSecrets()).isEqualTo(spec);
        assertThat(spec.broker()).isEqualTo(Optional.empty());
    }
}
