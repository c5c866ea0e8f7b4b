package dev.basalt.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * How long Basalt waits for PostgreSQL, so an unreachable or hung server turns into a quick error instead of
 * threads blocked for minutes. Settings in {@code BASALT_DB_URL} itself (e.g. {@code ?socketTimeout=0}) win.
 */
public final class DatabaseTimeouts {
    /** TCP connect to the server (pgJDBC {@code connectTimeout}). */
    public static final Duration CONNECT = Duration.ofSeconds(5);
    /** Connect plus authentication, covering a server that accepts TCP but never answers ({@code loginTimeout}). */
    public static final Duration LOGIN = Duration.ofSeconds(10);
    /**
     * The longest wait for a single read from the server ({@code socketTimeout}): far above any API query, so it
     * only ends statements on a dead or frozen server. Schema changes lift it ({@link #allowLongStatements}).
     */
    public static final Duration SOCKET = Duration.ofMinutes(5);
    /** How long a request waits for a pooled connection before it is answered 503 (Hikari). */
    public static final Duration POOL_CONNECTION = Duration.ofSeconds(3);
    /** How long the pool's liveness check of a connection may take (Hikari). */
    public static final Duration VALIDATION = Duration.ofSeconds(2);

    private DatabaseTimeouts() {
    }

    /** The pgJDBC connection properties for these timeouts (in seconds, as the driver takes them). */
    public static Properties driverProperties() {
        Properties p = new Properties();
        p.setProperty("connectTimeout", Long.toString(CONNECT.toSeconds()));
        p.setProperty("loginTimeout", Long.toString(LOGIN.toSeconds()));
        p.setProperty("socketTimeout", Long.toString(SOCKET.toSeconds()));
        return p;
    }

    /**
     * Removes the socket timeout from this connection, for statements that may legitimately run longer (DDL such
     * as building an index on a large table). The pool restores it when the connection is returned.
     */
    public static void allowLongStatements(Connection connection) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, 0);
    }
}
