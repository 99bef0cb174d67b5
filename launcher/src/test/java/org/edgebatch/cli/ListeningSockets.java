package org.edgebatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets processes listen on, as Linux's {@code /proc} shows them: each process's socket inodes (from
 * {@code /proc/<pid>/fd}) matched to the LISTEN entries of its network namespace ({@code /proc/<pid>/net/tcp} and
 * {@code tcp6}). Reading {@code /proc} rather than running {@code ss} needs nothing installed.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    /** One listening socket of process {@code pid}. */
    record Socket(long pid, InetAddress address, int port) {

        boolean loopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port + " (pid " + pid + ")";
        }
    }

    private ListeningSockets() {
    }

    /** The listening sockets of the processes {@code pids} (those that ended meanwhile have none). */
    static List<Socket> of(Set<Long> pids) {
        List<Socket> sockets = new ArrayList<>();
        for (long pid : pids) {
            Set<Long> inodes = socketInodes(pid);
            if (inodes.isEmpty()) {
                continue;
            }
            Map<Long, Socket> listening = new HashMap<>();
            listening(pid, "tcp", listening);
            listening(pid, "tcp6", listening);
            inodes.stream().map(listening::get).filter(socket -> socket != null).forEach(sockets::add);
        }
        return sockets;
    }

    /** The processes whose command line contains every one of {@code parts}, read from {@code /proc/<pid>/cmdline}. */
    static Set<Long> processesWhoseCommandContains(String... parts) {
        Set<Long> pids = new HashSet<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(entry -> {
                String command = read(entry.resolve("cmdline")).replace('\0', ' ');
                if (Stream.of(parts).allMatch(command::contains)) {
                    pids.add(Long.parseLong(entry.getFileName().toString()));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    private static Set<Long> socketInodes(long pid) {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring("socket:[".length(), target.length() - 1)));
                    }
                } catch (IOException e) {
                    // Closed between listing and reading: not a socket any more.
                }
            });
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    /** Adds the LISTEN entries of {@code /proc/<pid>/net/<table>} by inode. */
    private static void listening(long pid, String table, Map<Long, Socket> byInode) {
        List<String> lines = read(Path.of("/proc", Long.toString(pid), "net", table)).lines().skip(1).toList();
        for (String line : lines) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 10 || !fields[3].equals(LISTEN)) {
                continue;
            }
            String[] local = fields[1].split(":");
            byInode.put(Long.parseLong(fields[9]), new Socket(pid, address(local[0]), Integer.parseInt(local[1], 16)));
        }
    }

    /**
     * The kernel prints an address as 32-bit words in the host's byte order (one word for IPv4, four for IPv6), each
     * as eight hex digits.
     */
    static InetAddress address(String hex) {
        ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2);
        for (int i = 0; i < hex.length(); i += 8) {
            int word = (int) Long.parseLong(hex.substring(i, i + 8), 16);
            bytes.putInt(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(word) : word);
        }
        try {
            return InetAddress.getByAddress(bytes.array());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + hex, e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // A process that ended between listing and reading, or one of another user's.
            return "";
        }
    }
}
