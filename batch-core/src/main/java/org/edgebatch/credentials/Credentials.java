package org.edgebatch.credentials;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the passwords of the job repository and the broker come from, when their URLs do not carry them: the
 * environment ({@value #DB_PASSWORD_VARIABLE}, {@value #BROKER_PASSWORD_VARIABLE}), else a properties file
 * ({@code db.password}, {@code broker.password}; by default {@code ~/.edgebatch/credentials.properties}, or the file
 * {@value #FILE_VARIABLE} names). The passwords are handed to the driver and the broker client only: never printed,
 * logged or stored.
 */
public final class Credentials {

    public static final String DB_PASSWORD_VARIABLE = "EDGEBATCH_DB_PASSWORD";
    public static final String BROKER_PASSWORD_VARIABLE = "EDGEBATCH_BROKER_PASSWORD";
    public static final String FILE_VARIABLE = "EDGEBATCH_CREDENTIALS";

    private final Map<String, String> environment;
    private final Path file;

    /**
     * @param environment the process environment (a test passes its own)
     * @param defaultFile the file read when {@value #FILE_VARIABLE} is not set
     */
    public Credentials(Map<String, String> environment, Path defaultFile) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment must not be null"));
        this.file = environment.containsKey(FILE_VARIABLE) ? Path.of(environment.get(FILE_VARIABLE)) : defaultFile;
    }

    /** The credentials of this process: its environment and {@code <home>/credentials.properties}. */
    public static Credentials ofProcess(Path edgebatchHome) {
        return new Credentials(System.getenv(), edgebatchHome.resolve("credentials.properties"));
    }

    /** The job repository's password, if one is configured outside its URL. */
    public Optional<String> databasePassword() {
        return lookup(DB_PASSWORD_VARIABLE, "db.password");
    }

    /** The broker's password, if one is configured outside its URL. */
    public Optional<String> brokerPassword() {
        return lookup(BROKER_PASSWORD_VARIABLE, "broker.password");
    }

    private Optional<String> lookup(String variable, String key) {
        String value = environment.get(variable);
        if (value != null) {
            return Optional.of(value);
        }
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("the credentials file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return Optional.ofNullable(properties.getProperty(key));
    }
}
