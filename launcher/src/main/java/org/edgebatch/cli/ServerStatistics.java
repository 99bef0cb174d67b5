package org.edgebatch.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MariaDB's per-user statistics ({@code userstat}), for counting the statements one process sends: the benchmarks log
 * that process in as a user of its own. Switched on for the benchmark and back to what it was afterwards.
 */
final class ServerStatistics {

    /** Statements a user sent: reads, writes and everything else (commits, session settings). */
    record Commands(long selects, long updates, long other) {
        long total() {
            return selects + updates + other;
        }

        Commands minus(Commands before) {
            return new Commands(selects - before.selects, updates - before.updates, other - before.other);
        }
    }

    private final String server;
    private final String previous;

    private ServerStatistics(String server, String previous) {
        this.server = server;
        this.previous = previous;
    }

    /**
     * Switches the statistics on at the server (a JDBC URL without database, as root).
     *
     * @throws CommandRefusal when the server has no per-user statistics (MySQL, say)
     */
    static ServerStatistics enable(String server) throws SQLException {
        try (Connection connection = root(server); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW VARIABLES LIKE 'userstat'")) {
            if (!rows.next()) {
                throw new CommandRefusal("the server at " + server + " keeps no per-user statistics (MariaDB's userstat)");
            }
            String previous = rows.getString(2);
            statement.execute("SET GLOBAL userstat = 1");
            return new ServerStatistics(server, previous);
        }
    }

    void createUser(String user, String password, String... databases) throws SQLException {
        try (Connection connection = root(server); Statement statement = connection.createStatement()) {
            for (String host : new String[] {"localhost", "127.0.0.1"}) {
                statement.execute("CREATE USER IF NOT EXISTS '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                for (String database : databases) {
                    statement.execute("GRANT ALL ON " + database + ".* TO '" + user + "'@'" + host + "'");
                }
            }
        }
    }

    void recreateDatabase(String database) throws SQLException {
        try (Connection connection = root(server); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        }
    }

    Commands commands(String user) throws SQLException {
        try (Connection connection = root(server); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SELECT_COMMANDS, UPDATE_COMMANDS, OTHER_COMMANDS"
                     + " FROM information_schema.USER_STATISTICS WHERE USER = '" + user + "'")) {
            return rows.next() ? new Commands(rows.getLong(1), rows.getLong(2), rows.getLong(3)) : new Commands(0, 0, 0);
        }
    }

    void restore() throws SQLException {
        try (Connection connection = root(server); Statement statement = connection.createStatement()) {
            statement.execute("SET GLOBAL userstat = " + ("ON".equalsIgnoreCase(previous) ? 1 : 0));
        }
    }

    private static Connection root(String server) throws SQLException {
        return DriverManager.getConnection(server, "root", System.getenv().getOrDefault("EDGEBATCH_DB_PASSWORD", ""));
    }
}
