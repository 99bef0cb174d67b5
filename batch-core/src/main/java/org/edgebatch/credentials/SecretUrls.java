package org.edgebatch.credentials;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of what is printed, logged or stored: a URL's password (in {@code scheme://user:password@host}
 * or a {@code password=} parameter, as JDBC and AMQP URLs carry them) removed or masked.
 */
public final class SecretUrls {

    private static final Pattern USER_INFO = Pattern.compile("(://[^/@:?;]+):[^@/?]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;])password=[^&;]*");

    private SecretUrls() {
    }

    /** The URL without its password (to store), {@code null} for {@code null}. */
    public static String strip(String url) {
        if (url == null) {
            return null;
        }
        String stripped = USER_INFO.matcher(url).replaceAll("$1@");
        Matcher parameter = PASSWORD_PARAMETER.matcher(stripped);
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            // The separator stays, so "?password=x&user=y" becomes "?&user=y", tidied below.
            parameter.appendReplacement(out, Matcher.quoteReplacement(parameter.group(1)));
        }
        parameter.appendTail(out);
        return out.toString().replace("?&", "?").replace("&&", "&").replace(";;", ";").replaceAll("[?&;]$", "");
    }

    /** The URL with its password shown as {@code ****} (to print). */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO.matcher(url).replaceAll("$1:****@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1password=****");
    }

    /** The password the URL carries in its user info or a {@code password=} parameter, or {@code null}. */
    public static String password(String url) {
        if (url == null) {
            return null;
        }
        Matcher userInfo = Pattern.compile("://[^/@:?;]+:([^@/?]*)@").matcher(url);
        if (userInfo.find()) {
            return userInfo.group(1);
        }
        Matcher parameter = Pattern.compile("(?i)[?&;]password=([^&;]*)").matcher(url);
        return parameter.find() ? parameter.group(1) : null;
    }
}
