package org.edgebatch.testsupport.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the shared data folder (models, images, video) the same way from every module and from an IDE: the system
 * property {@code edgebatch.data} (Maven sets it), else {@code $EDGEBATCH_DATA}, else a {@code shared/data} folder in
 * the working directory or one of its ancestors. The walk up is what makes a module folder (Maven, most IDE runs) and
 * the repository root (some IDE runs) both work, since the data sits beside the repository.
 */
public final class TestDataFolder {

    /** The system property Maven's surefire and failsafe set from the parent pom. */
    public static final String PROPERTY = "edgebatch.data";
    /** The environment variable the launcher also reads. */
    public static final String ENVIRONMENT = "EDGEBATCH_DATA";

    private static final Path SHARED_DATA = Path.of("shared", "data");

    private TestDataFolder() {
    }

    /** The data folder of this JVM's tests, absolute and normalised. */
    public static Path locate() {
        return locate(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), Path.of(""));
    }

    /**
     * The data folder from the given property and environment values (either may be null or blank) and working
     * directory.
     *
     * @throws IllegalStateException naming every place looked at, when none of them is a folder
     */
    public static Path locate(String property, String environment, Path workingDirectory) {
        // A configured folder is final: falling back to the search would hide a typo in it.
        if (isSet(property)) {
            return existing(Path.of(property), "-D" + PROPERTY);
        }
        if (isSet(environment)) {
            return existing(Path.of(environment), "$" + ENVIRONMENT);
        }
        List<Path> tried = new ArrayList<>();
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SHARED_DATA);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("no test data folder: -D" + PROPERTY + " and $" + ENVIRONMENT
                + " are not set, and none of " + tried + " exists; point one of them at the folder holding models/,"
                + " images/ and video/");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static Path existing(Path folder, String source) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalStateException(source + " names " + absolute + ", which is not a folder");
        }
        return absolute;
    }
}
