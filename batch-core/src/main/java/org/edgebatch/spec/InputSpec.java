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
 * @param partitionFiles   at most this many files of one node in one partition of the detect and events steps;
 *                  default {@value #DEFAULT_PARTITION_FILES}; 1 gives every file a partition of its own
 * @param partitionSeconds at most this many seconds of footage in one partition (a longer file has a partition of its
 *                  own); default {@value #DEFAULT_PARTITION_SECONDS}
 */
public record InputSpec(List<Path> paths, List<String> include, List<String> exclude, boolean recursive,
                        int settleSeconds, int partitionFiles, int partitionSeconds) {

    public static final List<String> DEFAULT_INCLUDE =
            List.of("*.mp4", "*.mkv", "*.avi", "*.mov", "*.m4v", "*.webm", "*.ts");

    public static final int DEFAULT_SETTLE_SECONDS = 30;
    /** One day: a longer settle time would mean a recorder's folder is never read. */
    public static final int MAX_SETTLE_SECONDS = 86_400;

    /**
     * Files a partition holds at most unless set. Measured on 1-minute segments: the step execution around a file costs
     * far more than a short file's work, so many files share one (a killed partition restarts at its file and frame).
     */
    public static final int DEFAULT_PARTITION_FILES = 100;
    public static final int MAX_PARTITION_FILES = 10_000;
    /** Seconds of footage a partition holds at most unless set: five minutes, so a node's slots share its footage. */
    public static final int DEFAULT_PARTITION_SECONDS = 300;
    public static final int MAX_PARTITION_SECONDS = 86_400;

    public InputSpec {
        paths = List.copyOf(paths);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** Input with the default settle time and partition budget. */
    public InputSpec(List<Path> paths, List<String> include, List<String> exclude, boolean recursive) {
        this(paths, include, exclude, recursive, DEFAULT_SETTLE_SECONDS, DEFAULT_PARTITION_FILES, DEFAULT_PARTITION_SECONDS);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static InputSpec bind(List<Path> paths, List<String> include, List<String> exclude, Boolean recursive,
                          Integer settleSeconds, Integer partitionFiles, Integer partitionSeconds) {
        return new InputSpec(
                SpecValues.list("paths", paths),
                include == null ? DEFAULT_INCLUDE : SpecValues.list("include", include),
                SpecValues.list("exclude", exclude),
                Objects.requireNonNullElse(recursive, true),
                Objects.requireNonNullElse(settleSeconds, DEFAULT_SETTLE_SECONDS),
                Objects.requireNonNullElse(partitionFiles, DEFAULT_PARTITION_FILES),
                Objects.requireNonNullElse(partitionSeconds, DEFAULT_PARTITION_SECONDS));
    }

    static InputSpec absent() {
        return bind(null, null, null, null, null, null, null);
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
        problems.between("partitionFiles", partitionFiles, 1, MAX_PARTITION_FILES);
        problems.between("partitionSeconds", partitionSeconds, 1, MAX_PARTITION_SECONDS);
    }
}
