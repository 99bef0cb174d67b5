package org.edgebatch.partition.amqp;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.edgebatch.credentials.Credentials;
import org.edgebatch.credentials.SecretUrls;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * Where the RabbitMQ broker is, from an {@code amqp://user@host:port/vhost} URL ({@code amqps://} for TLS): the
 * password from the URL if it has one, else from {@link Credentials}. {@link #toString()} never shows the password.
 *
 * @param virtualHost the URL's path without its leading slash, decoded ({@code /} when the path is empty or {@code /})
 */
public record BrokerSettings(String url, String host, int port, String virtualHost, String user, String password, boolean tls) {

    public BrokerSettings {
        Objects.requireNonNull(url, "url must not be null");
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(virtualHost, "virtualHost must not be null");
    }

    /**
     * Reads a broker URL.
     *
     * @throws IllegalArgumentException naming what is wrong with it (the password masked)
     */
    public static BrokerSettings parse(String url, Credentials credentials) {
        Objects.requireNonNull(url, "url must not be null");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker URL " + masked(url) + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"amqp".equals(scheme) && !"amqps".equals(scheme)) {
            throw new IllegalArgumentException("broker URL " + masked(url) + " must start with amqp:// or amqps://"
                    + " (amqp://user@host:5672/vhost)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("broker URL " + masked(url) + " names no host (amqp://user@host:5672/vhost)");
        }
        boolean tls = "amqps".equals(scheme);
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 5671 : 5672;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String virtualHost = path.isEmpty() || path.equals("/") ? "/" : decode(path.substring(1));
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        if (password == null) {
            password = credentials.brokerPassword().orElse(null);
        }
        return new BrokerSettings(SecretUrls.strip(url.strip()), uri.getHost(), port, virtualHost, user, password, tls);
    }

    /**
     * A connection factory for this broker: publisher confirms and returns on, so a send is done only when the broker
     * has the request in a queue.
     */
    public CachingConnectionFactory connectionFactory() {
        CachingConnectionFactory factory = new CachingConnectionFactory(host, port);
        factory.setVirtualHost(virtualHost);
        if (user != null) {
            factory.setUsername(user);
        }
        if (password != null) {
            factory.setPassword(password);
        }
        if (tls) {
            try {
                factory.getRabbitConnectionFactory().useSslProtocol();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("TLS to the broker cannot be set up: " + e.getMessage(), e);
            }
        }
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        factory.setConnectionNameStrategy(connectionFactory -> "edgebatch-" + ProcessHandle.current().pid());
        return factory;
    }

    /** Percent-decoding as in a URI (RabbitMQ's client decodes the same way): a '+' is a plus, not a space. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The URL as a message about it may show it: everything between the user name and the last '@' masked, so no part
     * of a password shows even when characters it should have escaped ('/', '?', '#', '@') keep the URL from parsing.
     */
    private static String masked(String url) {
        int authority = url.indexOf("://");
        int at = url.lastIndexOf('@');
        int colon = authority < 0 ? -1 : url.indexOf(':', authority + 3);
        String shown = colon >= 0 && colon < at ? url.substring(0, colon) + ":****" + url.substring(at) : url;
        return SecretUrls.mask(shown);
    }

    /** The URL as it may be shown: without its password. */
    @Override
    public String toString() {
        return url;
    }
}
