package org.edgebatch.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a node's events go, as a URI: {@code file:///<folder>} (the default is {@code file://<output>/outbox}),
 * {@code s3://<bucket>/<prefix>} (any S3-compatible store), or {@code none} to keep events on the node.
 *
 * @param target the URI; never {@code null} in a loaded spec (the loader puts the default in)
 */
public record PublishSpec(URI target) {

    /** The kinds of target. */
    public enum Scheme { NONE, FILE, S3 }

    public static final URI NONE = URI.create("none");

    private static final String FORMS = "file:///<absolute folder>, s3://<bucket>/<prefix> or none";
    // The S3 rules for bucket names: 3 to 63 lower-case letters, digits, '.' and '-', starting and ending with a letter or digit.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static PublishSpec bind(String target) {
        if (target == null) {
            return new PublishSpec(null);
        }
        try {
            return new PublishSpec(new URI(target.strip()));
        } catch (URISyntaxException e) {
            throw new SpecFieldException("target", "must be a URI, was '" + target + "': " + e.getReason() + " at index " + e.getIndex());
        }
    }

    /** Publishing into a local folder. */
    public static PublishSpec folder(Path folder) {
        // Path.toUri() ends in '/' only when the folder exists; strip it so the URI does not depend on the disk.
        String path = folder.toAbsolutePath().normalize().toUri().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new PublishSpec(URI.create("file://" + path));
    }

    /** The kind of target; only meaningful for a validated spec. */
    public Scheme scheme() {
        String scheme = target.getScheme();
        if (scheme == null) {
            return Scheme.NONE;
        }
        return switch (scheme) {
            case "file" -> Scheme.FILE;
            case "s3" -> Scheme.S3;
            default -> throw new IllegalStateException("publish target " + target + " has no supported scheme");
        };
    }

    /** The folder of a {@code file:} target. */
    public Path folder() {
        requireScheme(Scheme.FILE);
        return Path.of(target);
    }

    /** The bucket of an {@code s3:} target. */
    public String bucket() {
        requireScheme(Scheme.S3);
        return target.getAuthority();
    }

    /** The key prefix of an {@code s3:} target, without a leading '/', possibly empty. */
    public String prefix() {
        requireScheme(Scheme.S3);
        String path = target.getPath() == null ? "" : target.getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    void validate(SpecProblems problems) {
        String text = target.toString();
        String scheme = target.getScheme();
        if (scheme == null) {
            if (!text.equals(NONE.toString())) {
                problems.add("target", "must be " + FORMS + ", was '" + text + "'");
            }
        } else if (target.getQuery() != null || target.getFragment() != null) {
            problems.add("target", "must not have a query or fragment, was '" + text + "'");
        } else if (scheme.equals("file")) {
            if (target.getAuthority() != null || target.getPath() == null || !target.getPath().startsWith("/")) {
                problems.add("target", "must name an absolute folder as file:///<folder> (three slashes), was '" + text + "'");
            }
        } else if (scheme.equals("s3")) {
            if (target.getAuthority() == null || !BUCKET.matcher(target.getAuthority()).matches()) {
                problems.add("target", "must be s3://<bucket>/<prefix> with a bucket name of 3 to 63 lower-case letters,"
                        + " digits, '.' or '-', was '" + text + "'");
            }
        } else {
            problems.add("target", "must be " + FORMS + ", was '" + text + "'");
        }
    }

    private void requireScheme(Scheme expected) {
        if (scheme() != expected) {
            throw new IllegalStateException("publish target " + target + " is not a " + expected + " target");
        }
    }
}
