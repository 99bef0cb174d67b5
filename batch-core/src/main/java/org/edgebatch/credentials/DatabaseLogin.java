package org.edgebatch.credentials;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to connect to a job repository: its JDBC URL without secrets, and the user and password to hand the driver
 * separately (from the URL's user info, else the URL's own parameters, else {@link Credentials}).
 *
 * @param url      the JDBC URL with no user info and no password parameter: safe to print
 * @param user     the user name, or {@code null} to leave it to the URL's parameters or the driver
 * @param password the password, or {@code null} for none
 */
public record DatabaseLogin(String url, String user, String password) {

    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[a-z0-9]+://)([^/@:?;]+)(?::([^@/?]*))?@");

    public DatabaseLogin {
        Objects.requireNonNull(url, "url must not be null");
    }

    /**
     * The login a URL describes: {@code jdbc:mariadb://user:secret@host/db} and {@code jdbc:mysql://host/db?user=u}
     * both work; a password not in the URL comes from {@code credentials}.
     */
    public static DatabaseLogin of(String jdbcUrl, Credentials credentials) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl must not be null");
        String user = null;
        String password = SecretUrls.password(jdbcUrl);
        String url = jdbcUrl;
        Matcher userInfo = USER_INFO.matcher(jdbcUrl);
        if (userInfo.find()) {
            user = userInfo.group(2);
            url = userInfo.group(1) + jdbcUrl.substring(userInfo.end());
        }
        url = SecretUrls.strip(url);
        if (password == null && !url.startsWith("jdbc:h2:")) {
            password = credentials.databasePassword().orElse(null);
        }
        return new DatabaseLogin(url, user, password);
    }

    @Override
    public String toString() {
        return "DatabaseLogin[" + url + (user == null ? "" : ", user " + user) + (password == null ? "" : ", password set") + "]";
    }
}
