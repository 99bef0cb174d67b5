package org.edgebatch.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which video files a job reads: folders (or single files) and file-name globs.
 *
 * @param paths     folders or files to read, resolved against the spec file's folder; required, non-empty
 * @param include   globs matched against each file's name, case-insensitively ({@code *.mp4} matches {@code A.MP4});
 *                  default {@link #DEFAULT_INCLUDE}; a file named directly in {@code paths} is read whatever its name
 * @param exclude   globs of file names to leave out, applied after {@code include}; default none
 * @param recursive whether folders are read with their sub-folders; default {@code true}
 * @param settleSeconds a file modified less than this many seconds before the inventory is still being written: it is
 *                  left for the next run and listed as deferred; default {@value #DEFAULT_SETTLE_SECONDS}, 0 takes
 *                  every file as it is
 */
public record InputSpec(List<Path> paths, List<String> include, List<String> exclude, boolean recursive,
                        int settleSeconds) {

    public static final List<String> DEFAULT_INCLUDE =
            List.of("*.mp4", "*.mkv", "*.avi", "*.mov", "*.m4v", "*.webm", "*.ts");

    public static final int DEFAULT_SETTLE_SECONDS = 30;
    /** One day: a longer settle time would mean a recorder's folder is never read. */
    public static final int MAX_SETTLE_SECONDS = 86_400;

    public InputSpec {
        paths = List.copyOf(paths);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** Input with the default settle time. */
    public InputSpec(List<Path> paths, List<String> include, List<String> exclude, boolean recursive) {
        this(paths, include, exclude, recursive, DEFAULT_SETTLE_SECONDS);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static InputSpec bind(List<Path> paths, List<String> include, List<String> exclude, Boolean recursive,
                          Integer settleSeconds) {
        return new InputSpec(
                SpecValues.list("paths", paths),
                include == null ? DEFAULT_INCLUDE : SpecValues.list("include", include),
                SpecValues.list("exclude", exclude),
                Objects.requireNonNullElse(recursive, true),
                Objects.requireNonNullElse(settleSeconds, DEFAULT_SETTLE_SECONDS));
    }

    static InputSpec absent() {
        return bind(null, null, null, null, null);
    }

    /** The include and exclude globs, compiled. */
    public FileNameGlobs globs() {
        return FileNameGlobs.of(include, exclude);
    }

    void validate(SpecProblems problems) {
        problems.requireNonEmpty("paths", paths);
        if (include.isEmpty()) {
            problems.add("include", "must name at least one glob (it was empty, so no file would be read)");
        }
        FileNameGlobs.check(problems, "include", include);
        FileNameGlobs.check(problems, "exclude", exclude);
        problems.between("settleSeconds", settleSeconds, 0, MAX_SETTLE_SECONDS);
    }
}
