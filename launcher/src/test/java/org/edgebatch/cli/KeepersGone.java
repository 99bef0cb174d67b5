package org.edgebatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.edgebatch.repository.H2FileRepository;
import org.edgebatch.repository.RepositoryKeeper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waits after a test until no repository keeper process serves a database under its {@code @TempDir} fields: JUnit
 * deletes those folders next, and a keeper's H2 would write its lock file back into them. Test JVMs and the commands
 * they start give keepers a one-second linger ({@value #TEST_LINGER_SECONDS} s), so the wait is short.
 */
final class KeepersGone implements AfterEachCallback, AfterAllCallback {

    static final long TEST_LINGER_SECONDS = 1;
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The keeper tests take leases from, as the commands would but with the tests' linger. */
    static RepositoryKeeper keeper() {
        return new RepositoryKeeper(Duration.ofSeconds(TEST_LINGER_SECONDS), Duration.ofSeconds(30));
    }

    /** The JVM option that gives a command's keepers the tests' linger. */
    static String lingerOption() {
        return "-D" + JobContext.KEEPER_LINGER_PROPERTY + "=" + TEST_LINGER_SECONDS;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Object instance = context.getRequiredTestInstance();
        awaitKeepers(instance.getClass(), instance, false);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        awaitKeepers(context.getRequiredTestClass(), null, true);
    }

    private static void awaitKeepers(Class<?> type, Object instance, boolean statics) throws Exception {
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(TempDir.class) && field.getType() == Path.class
                    && Modifier.isStatic(field.getModifiers()) == statics) {
                field.setAccessible(true);
                Path dir = (Path) field.get(instance);
                if (dir != null && Files.isDirectory(dir)) {
                    awaitKeepersUnder(dir);
                }
            }
        }
    }

    private static void awaitKeepersUnder(Path dir) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (H2FileRepository repository : repositoriesUnder(dir)) {
            while (repository.hasKeeper()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the keeper of " + repository.file() + " is still there after " + WAIT.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        }
    }

    private static List<H2FileRepository> repositoriesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".keeper.lock"))
                    .map(lock -> lock.resolveSibling(lock.getFileName().toString().replace(".keeper.lock", "")))
                    .map(file -> H2FileRepository.of("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE").orElseThrow())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
