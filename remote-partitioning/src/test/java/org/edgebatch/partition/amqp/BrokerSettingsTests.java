package org.edgebatch.partition.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.edgebatch.credentials.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerSettingsTests {

    private static final Credentials NONE = new Credentials(Map.of(), (Path) null);
    private static final Credentials FROM_ENVIRONMENT =
            new Credentials(Map.of(Credentials.BROKER_PASSWORD_VARIABLE, "from-env"), (Path) null);

    @TempDir
    Path dir;

    @Test
    void readsUserHostPortAndVirtualHost() {
        // when
        BrokerSettings broker = BrokerSettings.parse("amqp://worker@rabbit.local:5673/edge", FROM_ENVIRONMENT);

        // then
        assertThat(broker).isEqualTo(new BrokerSettings("amqp://worker@rabbit.local:5673/edge", "rabbit.local", 5673, "edge",
                "worker", "from-env", false));
    }

    @ParameterizedTest
    @CsvSource({
            "amqp://rabbit.local,               /",
            "amqp://rabbit.local/,              /",
            "amqp://rabbit.local/%2F,           /",
            "amqp://rabbit.local:5672/%2f,      /",
            "amqp://rabbit.local/edge,          edge",
            "amqp://rabbit.local/%2Fedge,       /edge",
            "amqp://rabbit.local/site%2Flobby,  site/lobby",
            "amqp://rabbit.local/lobby%20cams,  lobby cams",
            "amqp://rabbit.local/a+b,           a+b",
    })
    void theVirtualHostIsThePathDecoded(String url, String virtualHost) {
        assertThat(BrokerSettings.parse(url, NONE).virtualHost()).isEqualTo(virtualHost);
    }

    @Test
    void thePortDefaultsByScheme() {
        // when
        BrokerSettings plain = BrokerSettings.parse("amqp://rabbit.local/edge", NONE);
        BrokerSettings secure = BrokerSettings.parse("amqps://rabbit.local/edge", NONE);

        // then
        assertThat(plain.port()).isEqualTo(5672);
        assertThat(plain.tls()).isFalse();
        assertThat(secure.port()).isEqualTo(5671);
        assertThat(secure.tls()).isTrue();
        assertThat(BrokerSettings.parse("amqps://rabbit.local:15671/edge", NONE).port()).isEqualTo(15671);
    }

    @Test
    void aPasswordInTheUrlComesBeforeTheCredentialsAndIsNeverShown() {
        // when
        BrokerSettings broker = BrokerSettings.parse("amqp://worker:hunter2@rabbit.local/%2F", FROM_ENVIRONMENT);

        // then
        assertThat(broker.password()).isEqualTo("hunter2");
        assertThat(broker.user()).isEqualTo("worker");
        assertThat(broker.url()).isEqualTo("amqp://worker@rabbit.local/%2F");
        assertThat(broker).hasToString("amqp://worker@rabbit.local/%2F");
    }

    @Test
    void theUserInfoIsDecodedAndAPlusIsAPlus() {
        // when
        BrokerSettings broker = BrokerSettings.parse("amqp://edge%40site:p%40ss+w%3Ard@rabbit.local/", NONE);

        // then
        assertThat(broker.user()).isEqualTo("edge@site");
        assertThat(broker.password()).isEqualTo("p@ss+w:rd");
    }

    @Test
    void aPasswordWithASemicolonIsReadAndNotShown() {
        // when: ';' may stand unescaped in a URL's user info
        BrokerSettings broker = BrokerSettings.parse("amqp://worker:hunter;2@rabbit.local/edge", NONE);

        // then
        assertThat(broker.password()).isEqualTo("hunter;2");
        assertThat(broker).hasToString("amqp://worker@rabbit.local/edge");
    }

    @Test
    void aPasswordNotInTheUrlComesFromTheCredentialsFileOrIsNone() throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("credentials.properties"), "broker.password=from-file\n");

        // when / then
        assertThat(BrokerSettings.parse("amqp://worker@rabbit.local/", new Credentials(Map.of(), file)).password())
                .isEqualTo("from-file");
        assertThat(BrokerSettings.parse("amqp://worker@rabbit.local/", NONE).password()).isNull();
        assertThat(BrokerSettings.parse("amqp://rabbit.local/", NONE).user()).isNull();
    }

    @Test
    void leadingAndTrailingBlanksAreIgnored() {
        assertThat(BrokerSettings.parse("  amqp://worker:hunter2@rabbit.local/edge \n", NONE))
                .isEqualTo(new BrokerSettings("amqp://worker@rabbit.local/edge", "rabbit.local", 5672, "edge", "worker", "hunter2", false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://worker:hunter2@rabbit.local/edge  | must start with amqp:// or amqps://",
            "rabbit.local:5672                        | must start with amqp:// or amqps://",
            "''                                       | must start with amqp:// or amqps://",
            "amqp://worker:hunter2@/edge              | names no host",
            "amqp:///edge                             | names no host",
            "amqp://worker:hunter2@rabbit_mq/edge     | names no host",
            "amqp://worker:hunter2@rabbit.local:amqp/ | names no host",
            "amqp://worker:hun ter2@rabbit.local/edge | is not a URL",
            "amqp://worker:hunter2@rabbit.local/e dge | is not a URL",
    })
    void aBadUrlIsRefusedSayingWhyWithoutItsPassword(String url, String reason) {
        assertThatThrownBy(() -> BrokerSettings.parse(url, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("broker URL ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("hun ter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "amqp://worker:hunter/2@rabbit.local/edge",
            "amqp://worker:hunter?2@rabbit.local/edge",
            "amqp://worker:hunter@2@rabbit.local/edge",
            "amqp://worker:hunter#2@rabbit.local/edge",
            "amqp://worker:hunter%2@rabbit.local/edge",
    })
    void aPasswordWithCharactersThatNeedEscapingIsNotShownEither(String url) {
        // given: a password pasted into the URL without percent-encoding its '/', '?', '@', '#' or '%'
        String password = url.substring("amqp://worker:".length(), url.lastIndexOf('@'));

        // when / then
        assertThatThrownBy(() -> BrokerSettings.parse(url, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(password)
                .hasMessageNotContaining(password.substring(password.length() - 2));
    }
}
