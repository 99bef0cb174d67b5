package org.edgebatch.repository;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An H2 file database opened in H2's automatic mixed mode ({@code jdbc:h2:file:/abs/path;AUTO_SERVER=TRUE...}): the
 * kind of job repository a {@link RepositoryKeeper} serves. The keeper's own files sit next to the database's.
 */
public record H2FileRepository(String url, Path file) {

    private static final Pattern FILE_URL = Pattern.compile("jdbc:h2:file:([^;]+)(;.*)?", Pattern.CASE_INSENSITIVE);

    /** The repository of {@code url}, if it is an absolute H2 file URL with {@code AUTO_SERVER=TRUE}. */
    public static Optional<H2FileRepository> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher matcher = FILE_URL.matcher(url.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String settings = matcher.group(2) == null ? "" : matcher.group(2).toUpperCase(Locale.ROOT).replace(" ", "");
        Path file = Path.of(matcher.group(1));
        if (!settings.contains(";AUTO_SERVER=TRUE") || !file.isAbsolute()) {
            return Optional.empty();
        }
        return Optional.of(new H2FileRepository(url.strip(), file.normalize()));
    }

    /** Whether a keeper process serves this repository now. */
    public boolean hasKeeper() {
        try {
            return FileLocks.isHeld(keeperLock());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the keeper lock of " + file, e);
        }
    }

    /** The file H2 keeps the database in. */
    Path databaseFile() {
        return sibling(".mv.db");
    }

    /** Held by the keeper process for as long as it serves the database; free means no keeper. */
    Path keeperLock() {
        return sibling(".keeper.lock");
    }

    /** Serialises starting a keeper, arriving at one and the keeper's leaving. */
    Path handoverLock() {
        return sibling(".keeper.handover");
    }

    /** What keeper processes print. */
    Path keeperLog() {
        return sibling(".keeper.log");
    }

    private Path sibling(String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
