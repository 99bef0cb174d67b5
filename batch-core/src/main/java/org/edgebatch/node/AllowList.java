package org.edgebatch.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The folders (or single files) a node may read. A path is inside only if its real path, with {@code ..} and every
 * symbolic link resolved, lies under the real path of a root, compared by whole name components: {@code /videos/../etc}
 * and a link to {@code /etc} are outside {@code /videos}, and so is {@code /videos-other}.
 * The roots' real paths are taken once, when the list is made; a root that does not exist holds nothing.
 */
public final class AllowList {

    private final List<Path> roots;
    private final List<Path> realRoots;

    private AllowList(List<Path> roots, List<Path> realRoots) {
        this.roots = roots;
        this.realRoots = realRoots;
    }

    /** An allow-list of these roots (made absolute against the working directory). */
    public static AllowList of(List<Path> roots) {
        List<Path> absolute = roots.stream().map(root -> Objects.requireNonNull(root, "root").toAbsolutePath()).toList();
        List<Path> real = new ArrayList<>();
        for (Path root : absolute) {
            try {
                real.add(root.toRealPath());
            } catch (IOException e) {
                // Not normalised instead: "/videos/missing/.." would become "/videos", which the list never named.
            }
        }
        return new AllowList(absolute, List.copyOf(real));
    }

    /** The roots as declared. */
    public List<Path> roots() {
        return roots;
    }

    /** True when {@code realPath} (already a real path, see {@link #realPath(Path)}) lies under a root. */
    public boolean permits(Path realPath) {
        return realRoots.stream().anyMatch(realPath::startsWith);
    }

    /** True when some root lies inside the folder at {@code realPath} (a real path): the folder holds allowed ground. */
    public boolean within(Path realPath) {
        return realRoots.stream().anyMatch(root -> root.startsWith(realPath));
    }

    /**
     * The real path of {@code candidate} if it lies inside this list.
     *
     * @param owner the node whose list this is, for the message
     * @throws PathNotAllowedException naming the path, what it resolved to, the node and its roots
     * @throws InventoryException      when the path does not exist
     */
    public Path resolve(Path candidate, String owner) {
        Path real = realPath(candidate);
        if (!permits(real)) {
            throw new PathNotAllowedException(describe(candidate, real) + " is outside the allow-list of node '" + owner
                    + "' " + roots, candidate, real);
        }
        return real;
    }

    /**
     * The path with {@code ..} and symbolic links resolved, as the file system sees it.
     *
     * @throws InventoryException when the path does not exist or cannot be resolved
     */
    public static Path realPath(Path candidate) {
        try {
            return candidate.toAbsolutePath().toRealPath();
        } catch (NoSuchFileException e) {
            throw new InventoryException(candidate + " does not exist"
                    + (Files.isSymbolicLink(candidate) ? " (a symbolic link to a missing target)" : ""), e);
        } catch (IOException e) {
            throw new InventoryException(candidate + " cannot be resolved: " + e, e);
        }
    }

    /** "{@code /a/../b (resolves to /b)}", or just the path when it is its own real path. */
    static String describe(Path candidate, Path real) {
        return candidate.toAbsolutePath().equals(real) ? candidate.toString() : candidate + " (resolves to " + real + ")";
    }

    @Override
    public String toString() {
        return roots.toString();
    }
}
