package org.edgebatch.repository;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Operating-system file locks between processes. A lock dies with its process (even on SIGKILL), which is why they and
 * not marker files say who holds a repository. Within one JVM a second lock on the same file throws
 * {@link OverlappingFileLockException}; that counts as "held" here, so threads of one process queue like processes.
 */
final class FileLocks {

    private static final long POLL_MILLIS = 20;

    private FileLocks() {
    }

    /** An exclusive lock on {@code file} (created if missing), waiting at most {@code timeout}; null when it stays held. */
    static Held acquire(Path file, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new Held(channel, lock);
                }
                if (System.nanoTime() >= deadline) {
                    channel.close();
                    return null;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Whether another process (or another holder in this one) holds the lock on {@code file} right now. */
    static boolean isHeld(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** A lock and its channel; closing releases both. */
    record Held(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } finally {
                channel.close();
            }
        }
    }
}
