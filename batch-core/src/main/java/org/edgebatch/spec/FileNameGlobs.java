package org.edgebatch.spec;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;

/**
 * Include and exclude globs matched against a file's name only, ignoring case: camera exports mix {@code .MP4} and
 * {@code .mp4}, and a name-only match cannot be defeated by the folder a file happens to sit in.
 */
public final class FileNameGlobs {

    private final List<PathMatcher> include;
    private final List<PathMatcher> exclude;

    private FileNameGlobs(List<PathMatcher> include, List<PathMatcher> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    /**
     * Compiles the globs.
     *
     * @throws IllegalArgumentException for a glob that is not valid, naming it
     */
    public static FileNameGlobs of(List<String> include, List<String> exclude) {
        return new FileNameGlobs(compile(include), compile(exclude));
    }

    /** True when the name matches an include glob and no exclude glob. */
    public boolean matches(String fileName) {
        Path name = Path.of(fileName.toLowerCase(Locale.ROOT));
        return include.stream().anyMatch(m -> m.matches(name)) && exclude.stream().noneMatch(m -> m.matches(name));
    }

    static void check(SpecProblems problems, String field, List<String> globs) {
        for (int i = 0; i < globs.size(); i++) {
            String glob = globs.get(i);
            String at = field + "[" + i + "]";
            if (glob.isBlank()) {
                problems.add(at, "must not be blank");
            } else if (glob.contains("/")) {
                problems.add(at, "is matched against file names only and must not contain '/', was '" + glob + "'");
            } else {
                try {
                    matcher(FileSystems.getDefault(), glob);
                } catch (PatternSyntaxException e) {
                    problems.add(at, "is not a valid glob, was '" + glob + "': " + e.getDescription());
                }
            }
        }
    }

    private static List<PathMatcher> compile(List<String> globs) {
        FileSystem fs = FileSystems.getDefault();
        return globs.stream().map(glob -> {
            try {
                return matcher(fs, glob);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + glob + "' is not a valid glob: " + e.getDescription(), e);
            }
        }).toList();
    }

    private static PathMatcher matcher(FileSystem fs, String glob) {
        // Lower-casing both sides is the portable way to ignore case: the default file system's globs follow its case rules.
        return fs.getPathMatcher("glob:" + glob.toLowerCase(Locale.ROOT));
    }
}
