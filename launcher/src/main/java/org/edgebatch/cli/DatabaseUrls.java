package org.edgebatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgebatch.spec.JobSpec;

/**
 * Turns a {@code --db} value into the job repository's JDBC URL: a JDBC URL is taken as it is; anything else is a
 * path meaning an H2 file database there (a folder gets {@code edgebatch} inside it; {@code x.mv.db} names the file
 * itself) opened as {@link JobSpec#h2FileDatabase} describes, so other processes can read it while a job runs. Without {@code --db}
 * the default is {@link JobSpec#defaultDatabase()}, an H2 file under {@code ~/.edgebatch}.
 */
final class DatabaseUrls {

    static final String H2_SUFFIX = ".mv.db";

    private DatabaseUrls() {
    }

    /** The JDBC URL of a {@code --db} value, or the default when it is null. */
    static String resolve(String option) {
        if (option == null || option.isBlank()) {
            return JobSpec.defaultDatabase();
        }
        String value = option.strip();
        if (value.startsWith("jdbc:")) {
            return value;
        }
        Path path = expandHome(value).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            path = path.resolve("edgebatch");
        } else if (path.getFileName().toString().endsWith(H2_SUFFIX)) {
            String name = path.getFileName().toString();
            path = path.resolveSibling(name.substring(0, name.length() - H2_SUFFIX.length()));
        }
        return JobSpec.h2FileDatabase(path);
    }

    private static Path expandHome(String value) {
        if (value.equals("~")) {
            return Path.of(System.getProperty("user.home"));
        }
        if (value.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(value.substring(2));
        }
        return Path.of(value);
    }
}
