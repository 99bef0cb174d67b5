package org.edgebatch.ort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.Manifest;

/**
 * Finds the ONNX Runtime shared library: an explicit path, else the system property
 * {@value #LIBRARY_PROPERTY}, else the environment variable {@value #LIBRARY_ENV}, else the library inside the
 * {@code com.microsoft.onnxruntime} jar, extracted once into a cache folder named by version and content hash.
 */
final class NativeLibraryLoader {

    static final String LIBRARY_PROPERTY = "edgebatch.onnxruntime.library";
    static final String LIBRARY_ENV = "ORT_LIBRARY_PATH";
    static final String CACHE_PROPERTY = "edgebatch.onnxruntime.cache";

    private static final System.Logger LOG = System.getLogger(NativeLibraryLoader.class.getName());
    private static final int HASH_PREFIX_LENGTH = 16;

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;
    private final Path cacheRoot;
    private final ClassLoader classLoader;

    NativeLibraryLoader(UnaryOperator<String> properties, UnaryOperator<String> environment, Path cacheRoot,
            ClassLoader classLoader) {
        this.properties = properties;
        this.environment = environment;
        this.cacheRoot = cacheRoot;
        this.classLoader = classLoader;
    }

    /** The loader for this process: its system properties, environment and cache folder. */
    static NativeLibraryLoader forThisProcess() {
        return new NativeLibraryLoader(System::getProperty, System::getenv, defaultCacheRoot(),
                NativeLibraryLoader.class.getClassLoader());
    }

    /**
     * The library file to load.
     *
     * @param explicit a file or folder the caller named; wins over every other source
     * @throws OrtException naming the configured path when it does not hold a library, or the resource looked for
     */
    Path locate(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return configured(explicit.get(), "the OrtRuntimeOptions library");
        }
        String property = properties.apply(LIBRARY_PROPERTY);
        if (property != null && !property.isBlank()) {
            return configured(Path.of(property), "system property " + LIBRARY_PROPERTY);
        }
        String env = environment.apply(LIBRARY_ENV);
        if (env != null && !env.isBlank()) {
            return configured(Path.of(env), "environment variable " + LIBRARY_ENV);
        }
        return extractFromClasspath();
    }

    /** The jar folder for an OS and architecture as Java names them, e.g. {@code linux-x64}. */
    static String platformFolder(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String platform = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : os.startsWith("windows") ? "win" : os;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return platform + "-" + arch;
    }

    private static Path configured(Path path, String source) {
        Path file = Files.isDirectory(path) ? path.resolve(System.mapLibraryName("onnxruntime")) : path;
        if (!Files.isRegularFile(file)) {
            throw new OrtException("ONNX Runtime library " + file.toAbsolutePath() + " (from " + source
                    + ") does not exist or is not a file", OrtErrorCode.NO_SUCHFILE);
        }
        return file.toAbsolutePath();
    }

    private Path extractFromClasspath() {
        String fileName = System.mapLibraryName("onnxruntime");
        String resource = "ai/onnxruntime/native/"
                + platformFolder(System.getProperty("os.name"), System.getProperty("os.arch")) + "/" + fileName;
        URL url = classLoader.getResource(resource);
        if (url == null) {
            throw new OrtException("No ONNX Runtime library for this platform on the classpath (looked for " + resource
                    + " in com.microsoft.onnxruntime:onnxruntime); set " + LIBRARY_PROPERTY + " or " + LIBRARY_ENV
                    + " to a libonnxruntime file", OrtErrorCode.NO_SUCHFILE);
        }
        try {
            String version = version(url);
            String hash = rememberedSha256(url, version);
            Path folder = cacheRoot.resolve(version + "-" + hash.substring(0, HASH_PREFIX_LENGTH));
            Path target = folder.resolve(fileName);
            if (!isExtracted(target, url)) {
                extract(url, folder, target, hash);
            }
            return target;
        } catch (IOException e) {
            throw new OrtException("Cannot extract " + resource + " into " + cacheRoot + ": " + e.getMessage(),
                    OrtErrorCode.FAIL, e);
        }
    }

    /*
     * Hashing the library inside the jar (about 20 MB inflated) cost every command that infers a third of a second of
     * CPU before its first frame. The jar's directory already names the entry's CRC-32 and size, so the hash is worked
     * out once per entry and kept beside the extracted folders under that name.
     */
    private String rememberedSha256(URL url, String version) throws IOException {
        Optional<String> entryKey = jarEntryKey(url);
        if (entryKey.isEmpty()) {
            return sha256(url);
        }
        Path memo = cacheRoot.resolve(version + "-" + entryKey.get() + ".sha256");
        if (Files.isRegularFile(memo)) {
            String remembered = Files.readString(memo).strip();
            if (remembered.matches("[0-9a-f]{64}")) {
                return remembered;
            }
        }
        String hash = sha256(url);
        Files.createDirectories(cacheRoot);
        Path temporary = Files.createTempFile(cacheRoot, memo.getFileName().toString(), ".part");
        try {
            Files.writeString(temporary, hash + "\n");
            try {
                Files.move(temporary, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, memo, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return hash;
    }

    /** The jar entry's CRC-32 and size from the jar's directory (nothing is inflated), when the URL is a jar entry. */
    private static Optional<String> jarEntryKey(URL url) throws IOException {
        if (!(url.openConnection() instanceof JarURLConnection jar)) {
            return Optional.empty();
        }
        JarEntry entry = jar.getJarEntry();
        if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "crc%08x-%d", entry.getCrc(), entry.getSize()));
    }

    private static boolean isExtracted(Path target, URL url) throws IOException {
        return Files.isRegularFile(target) && Files.size(target) == url.openConnection().getContentLengthLong();
    }

    /*
     * Written to a private temporary file in the target folder and renamed into place: a concurrent process either
     * sees no library or a complete one, never a half-written file. Two writers both rename identical bytes.
     */
    private static void extract(URL url, Path folder, Path target, String expectedHash) throws IOException {
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        try {
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(url.openStream(), digest);
                    OutputStream out = Files.newOutputStream(temporary)) {
                in.transferTo(out);
            }
            String written = HexFormat.of().formatHex(digest.digest());
            if (!written.equals(expectedHash)) {
                throw new IOException("the extracted bytes hash to " + written + ", expected " + expectedHash);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.log(System.Logger.Level.DEBUG, "Extracted {0} to {1}", url, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String sha256(URL url) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(url.openStream(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The jar's Implementation-Version (the onnxruntime jar sets it), else {@code unknown}. */
    private static String version(URL url) {
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                Manifest manifest = jar.getManifest();
                String version = manifest == null ? null
                        : manifest.getMainAttributes().getValue("Implementation-Version");
                if (version != null && version.matches("[0-9A-Za-z._-]+")) {
                    return version;
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "No manifest readable for {0}: {1}", url, e);
        }
        return "unknown";
    }

    private static Path defaultCacheRoot() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("edgebatch").resolve("onnxruntime");
    }
}
