package org.edgebatch.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseLoginTests {

    private static final Credentials NONE = new Credentials(Map.of(), (Path) null);
    private static final Credentials FROM_ENVIRONMENT = new Credentials(Map.of(Credentials.DB_PASSWORD_VARIABLE, "from-env"), (Path) null);

    @Test
    void theUserInfoIsTakenOutOfTheUrl() {
        // when
        DatabaseLogin login = DatabaseLogin.of("jdbc:mariadb://eb:s3cret@db.local:3306/edgebatch", FROM_ENVIRONMENT);

        // then: the URL's own password comes before the credentials
        assertThat(login).isEqualTo(new DatabaseLogin("jdbc:mariadb://db.local:3306/edgebatch", "eb", "s3cret"));
    }

    @Test
    void aPasswordWithASemicolonIsTakenOutOfTheUserInfo() {
        assertThat(DatabaseLogin.of("jdbc:mariadb://eb:s3c;ret@db.local/edgebatch", NONE))
                .isEqualTo(new DatabaseLogin("jdbc:mariadb://db.local/edgebatch", "eb", "s3c;ret"));
    }

    @Test
    void aPasswordParameterIsTakenOutAndTheUserParameterKept() {
        // when
        DatabaseLogin login = DatabaseLogin.of("jdbc:mysql://db.local/edgebatch?user=eb&password=s3cret", NONE);

        // then
        assertThat(login).isEqualTo(new DatabaseLogin("jdbc:mysql://db.local/edgebatch?user=eb", null, "s3cret"));
    }

    @Test
    void aPasswordNotInTheUrlComesFromTheCredentials() {
        assertThat(DatabaseLogin.of("jdbc:mariadb://eb@db.local/edgebatch", FROM_ENVIRONMENT))
                .isEqualTo(new DatabaseLogin("jdbc:mariadb://db.local/edgebatch", "eb", "from-env"));
        assertThat(DatabaseLogin.of("jdbc:mariadb://db.local/edgebatch", NONE))
                .isEqualTo(new DatabaseLogin("jdbc:mariadb://db.local/edgebatch", null, null));
    }

    @Test
    void anH2RepositoryTakesNoPasswordFromTheCredentials() {
        // given
        String url = "jdbc:h2:file:/data/eb/edgebatch;AUTO_SERVER=TRUE;WRITE_DELAY=0";

        // when / then
        assertThat(DatabaseLogin.of(url, FROM_ENVIRONMENT)).isEqualTo(new DatabaseLogin(url, null, null));
    }

    @Test
    void itsTextNeverShowsThePassword() {
        // when
        String text = DatabaseLogin.of("jdbc:mariadb://eb:s3cret@db.local/edgebatch", NONE).toString();

        // then
        assertThat(text).isEqualTo("DatabaseLogin[jdbc:mariadb://db.local/edgebatch, user eb, password set]");
        assertThat(new DatabaseLogin("jdbc:h2:mem:x", null, null)).hasToString("DatabaseLogin[jdbc:h2:mem:x]");
    }
}
