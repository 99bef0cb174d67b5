package org.edgebatch.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine's RabbitMQ, stopped and started in place with {@code rabbitmqctl} (the Erlang node stays up). */
final class Broker {

    private Broker() {
    }

    static void stopApp() {
        rabbitmqctl("stop_app");
    }

    static void startApp() {
        rabbitmqctl("start_app");
    }

    /** Whether the broker takes AMQP connections on 127.0.0.1:5672. */
    static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a {@code rabbitmqctl} command, failing the test with its output when it fails. */
    static String rabbitmqctl(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("rabbitmqctl " + String.join(" ", arguments) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("rabbitmqctl cannot be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
