package org.edgebatch.cli;

import picocli.CommandLine.Option;

/** The {@code --db} option of the job commands. */
final class DatabaseOption {

    @Option(names = "--db", paramLabel = "URL|PATH",
            description = "The job repository: a JDBC URL, or a path meaning an H2 file there (default: ~/.edgebatch/db/edgebatch).")
    String value;

    /** The JDBC URL to use. */
    String url() {
        return DatabaseUrls.resolve(value);
    }
}
