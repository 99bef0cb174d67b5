package org.edgebatch.repository;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * Another command, in a JVM of its own: takes a lease on the repository (or, with {@code direct}, opens it the way
 * H2's mixed mode alone would, becoming its server), prints {@code open}, and exits when its standard input closes.
 */
public final class LeaseHolder {

    private LeaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        boolean direct = args.length > 1 && args[1].equals("direct");
        AutoCloseable held;
        if (direct) {
            Connection connection = DriverManager.getConnection(url, "", "");
            held = connection;
        } else {
            held = new RepositoryKeeper(Duration.ofSeconds(1), Duration.ofSeconds(30)).lease(url).orElseThrow();
        }
        System.out.println("open");
        System.out.flush();
        while (System.in.read() >= 0) {
            // Held until the test closes our input.
        }
        held.close();
    }
}
