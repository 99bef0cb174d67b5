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
 * @param target    the URI; never {@code null} in a loaded spec (the loader puts the default in)
 * @param endpoint  for {@code s3:} targets, the store's endpoint ({@code http(s)://host:port}) when it is not Amazon S3;
 *                  {@code null} for Amazon S3
 * @param region    for {@code s3:} targets, the region to sign for; {@code null} takes the SDK's default (environment,
 *                  profile), else {@code us-east-1}
 * @param pathStyle for {@code s3:} targets, path-style URLs ({@code endpoint/bucket/key}) as most S3-compatible
 *                  stores need (default {@code false}: virtual-hosted style, as Amazon S3 prefers)
 */
public record PublishSpec(URI target, URI endpoint, String region, boolean pathStyle) {

    /** The kinds of target. */
    public enum Scheme { NONE, FILE, S3 }

    public static final URI NONE = URI.create("none");

    private static final String FORMS = "file:///<absolute folder>, s3://<bucket>/<prefix> or none";
    // The S3 rules for bucket names: 3 to 63 lower-case letters, digits, '.' and '-', starting and ending with a letter or digit.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** A target with no S3 settings. */
    public PublishSpec(URI target) {
        this(target, null, null, false);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static PublishSpec bind(String target, String endpoint, String region, Boolean pathStyle) {
        return new PublishSpec(target == null ? null : uri("target", target), endpoint == null ? null : uri("endpoint", endpoint),
                region == null || region.isBlank() ? null : region.strip(), Boolean.TRUE.equals(pathStyle));
    }

    private static URI uri(String field, String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new SpecFieldException(field, "must be a URI, was '" + text + "': " + e.getReason() + " at index " + e.getIndex());
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
            } else if (target.getPath() != null && (target.getPath().contains("//") || target.getPath().endsWith("/") && target.getPath().length() > 1)) {
                problems.add("target", "must have a key prefix without empty parts or a trailing '/', was '" + text + "'");
            }
        } else {
            problems.add("target", "must be " + FORMS + ", was '" + text + "'");
        }
        if (scheme == null || !scheme.equals("s3")) {
            if (endpoint != null || region != null || pathStyle) {
                problems.add("endpoint", "endpoint, region and pathStyle apply to s3:// targets only, the target is '" + text + "'");
            }
        } else if (endpoint != null && (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?")
                || endpoint.getHost() == null || endpoint.getUserInfo() != null)) {
            // Credentials never go in the spec: an endpoint with user info is refused rather than used (or printed).
            problems.add("endpoint", "must be http(s)://<host>[:<port>] without user information, was '"
                    + (endpoint.getUserInfo() != null ? "<redacted>" : endpoint) + "'");
        }
    }

    private void requireScheme(Scheme expected) {
        if (scheme() != expected) {
            throw new IllegalStateException("publish target " + target + " is not a " + expected + " target");
        }
    }
}
