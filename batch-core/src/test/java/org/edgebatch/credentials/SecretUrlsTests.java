package org.edgebatch.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretUrlsTests {

    @Test
    void aPasswordInTheUserInfoIsRemovedMaskedAndRead() {
        // given
        String url = "amqp://worker:hunter2@rabbit.local:5672/%2F";

        // when / then
        assertThat(SecretUrls.strip(url)).isEqualTo("amqp://worker@rabbit.local:5672/%2F");
        assertThat(SecretUrls.mask(url)).isEqualTo("amqp://worker:****@rabbit.local:5672/%2F");
        assertThat(SecretUrls.password(url)).isEqualTo("hunter2");
    }

    @Test
    void aPasswordWithASemicolonInTheUserInfoIsRemovedToo() {
        // given: ';' may stand unescaped in a URL's user info
        String url = "amqp://worker:hunter;2@rabbit.local/edge";

        // when / then
        assertThat(SecretUrls.strip(url)).isEqualTo("amqp://worker@rabbit.local/edge");
        assertThat(SecretUrls.mask(url)).isEqualTo("amqp://worker:****@rabbit.local/edge");
        assertThat(SecretUrls.password(url)).isEqualTo("hunter;2");
        assertThat(SecretUrls.strip("jdbc:h2:tcp://localhost:9092/~/eb;USER=sa;PASSWORD=s3cret;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:tcp://localhost:9092/~/eb;USER=sa;AUTO_SERVER=TRUE");
    }

    @Test
    void aPasswordParameterIsRemovedWhereverItIs() {
        assertThat(SecretUrls.strip("jdbc:mariadb://db/edgebatch?user=eb&password=s3cret"))
                .isEqualTo("jdbc:mariadb://db/edgebatch?user=eb");
        assertThat(SecretUrls.strip("jdbc:mariadb://db/edgebatch?password=s3cret&user=eb"))
                .isEqualTo("jdbc:mariadb://db/edgebatch?user=eb");
        assertThat(SecretUrls.strip("jdbc:mysql://db/edgebatch?user=eb&password=s3cret&useSSL=true"))
                .isEqualTo("jdbc:mysql://db/edgebatch?user=eb&useSSL=true");
        assertThat(SecretUrls.strip("jdbc:mysql://db/edgebatch?Password=s3cret")).isEqualTo("jdbc:mysql://db/edgebatch");
        assertThat(SecretUrls.strip("jdbc:h2:file:/data/eb;PASSWORD=s3cret;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/data/eb;AUTO_SERVER=TRUE");
    }

    @Test
    void aPasswordParameterIsMaskedAndRead() {
        // given
        String url = "jdbc:mysql://db/edgebatch?user=eb&password=s3cret&useSSL=true";

        // when / then
        assertThat(SecretUrls.mask(url)).isEqualTo("jdbc:mysql://db/edgebatch?user=eb&password=****&useSSL=true");
        assertThat(SecretUrls.password(url)).isEqualTo("s3cret");
        assertThat(SecretUrls.password("jdbc:h2:file:/data/eb;PASSWORD=s3cret")).isEqualTo("s3cret");
    }

    @Test
    void aUrlWithoutAPasswordIsLeftAsItIs() {
        for (String url : new String[] {"amqp://worker@rabbit.local/edge", "jdbc:mariadb://db:3306/edgebatch?user=eb",
                "jdbc:h2:file:/data/eb;AUTO_SERVER=TRUE;WRITE_DELAY=0", "amqp://rabbit.local"}) {
            assertThat(SecretUrls.strip(url)).isEqualTo(url);
            assertThat(SecretUrls.mask(url)).isEqualTo(url);
            assertThat(SecretUrls.password(url)).isNull();
        }
        assertThat(SecretUrls.strip(null)).isNull();
        assertThat(SecretUrls.mask(null)).isNull();
        assertThat(SecretUrls.password(null)).isNull();
    }
}
