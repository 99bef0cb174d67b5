package org.edgebatch.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of the test's own with a veth pair to the host ({@code ip netns}, {@code ip link}; needs root):
 * a process started in it reaches the host only through the pair, and taking the host end down cuts it off.
 */
final class NetworkNamespace implements AutoCloseable {

    private final String name;
    private final String hostEnd;
    private final String hostAddress;

    private NetworkNamespace(String name, String hostEnd, String hostAddress) {
        this.name = name;
        this.hostEnd = hostEnd;
        this.hostAddress = hostAddress;
    }

    /**
     * Makes the namespace, or says why it cannot be made here.
     *
     * @throws IllegalStateException with the command's output when {@code ip} is missing or not allowed
     */
    static NetworkNamespace create(int subnet) {
        String name = "ebt" + ProcessHandle.current().pid();
        String hostEnd = "ebh" + subnet;
        String nsEnd = "ebn" + subnet;
        String host = "10.231." + subnet + ".1";
        String inside = "10.231." + subnet + ".2";
        ip("netns", "add", name);
        NetworkNamespace namespace = new NetworkNamespace(name, hostEnd, host);
        try {
            ip("link", "add", hostEnd, "type", "veth", "peer", "name", nsEnd);
            ip("link", "set", nsEnd, "netns", name);
            ip("addr", "add", host + "/24", "dev", hostEnd);
            ip("link", "set", hostEnd, "up");
            ip("netns", "exec", name, "ip", "addr", "add", inside + "/24", "dev", nsEnd);
            ip("netns", "exec", name, "ip", "link", "set", nsEnd, "up");
            ip("netns", "exec", name, "ip", "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }

    /** The command prefix that runs a process inside the namespace. */
    String[] exec() {
        return new String[] {"ip", "netns", "exec", name};
    }

    /** The host end's address, where forwarders listen for the namespace. */
    InetAddress hostAddress() throws IOException {
        return InetAddress.getByName(hostAddress);
    }

    /** Cuts the namespace off (the host end of the pair goes down). */
    void cut() {
        ip("link", "set", hostEnd, "down");
    }

    /** Joins it again. */
    void join() {
        ip("link", "set", hostEnd, "up");
    }

    @Override
    public void close() {
        try {
            ip("link", "del", hostEnd);
        } catch (RuntimeException e) {
            // Gone with the namespace, or never made.
        }
        ip("netns", "del", name);
    }

    private static String ip(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
