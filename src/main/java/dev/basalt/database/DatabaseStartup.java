package dev.basalt.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits at start for an external database that is not reachable yet (a server still booting, a network not up)
 * instead of failing on the first try: each attempt is bounded by {@link DatabaseTimeouts}, a log line says
 * what is wrong and that Basalt retries, and after {@code startWait} the start fails with one line. A SIGTERM
 * while waiting ends the wait at once, so the process always stops.
 */
final class DatabaseStartup {
    private static final Logger log = LoggerFactory.getLogger(DatabaseStartup.class);
    /** Pause between attempts. */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 100;

    private DatabaseStartup() {
    }

    /** Returns once a connection succeeds; throws {@link DatabaseUnreachableException} after {@code wait}. */
    static void awaitReachable(DatabaseServer server, Duration wait) {
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> stopping.set(true), "basalt-database-start-wait");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            for (int attempt = 1; ; attempt++) {
                Attempt result = tryConnect(server);
                String failure = result.failure();
                if (failure == null) {
                    if (attempt > 1) {
                        log.info("Reached the database at {} (attempt {})", where(server.jdbcUrl()), attempt);
                    }
                    return;
                }
                if (result.permanent()) {
                    throw new DatabaseUnreachableException("The database at " + where(server.jdbcUrl())
                            + " refused Basalt: " + failure + ".");
                }
                if (stopping.get() || System.nanoTime() + RETRY_PAUSE.toNanos() > deadline) {
                    throw new DatabaseUnreachableException("Cannot reach the database at " + where(server.jdbcUrl())
                            + ": " + failure + (stopping.get() ? " (stopped while waiting)" : " (gave up after "
                            + wait.toSeconds() + " s)") + ".");
                }
                log.warn("Cannot reach the database at {}: {}. Retrying every {} s for up to {} s.",
                        where(server.jdbcUrl()), failure, RETRY_PAUSE.toSeconds(), wait.toSeconds());
                pause(stopping);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownUnderway) {
                // the JVM is already stopping; the hook has run or will
            }
        }
    }

    /**
     * One connection attempt: {@code failure} is null when it opened, else a one-line reason; {@code permanent}
     * marks answers that waiting cannot change (wrong credentials, no such database).
     */
    private record Attempt(String failure, boolean permanent) {
    }

    private static Attempt tryConnect(DatabaseServer server) {
        Properties props = DatabaseTimeouts.driverProperties();
        if (!server.user().isEmpty()) {
            props.setProperty("user", server.user());
        }
        if (!server.password().isEmpty()) {
            props.setProperty("password", server.password());
        }
        try (Connection ignored = DriverManager.getConnection(server.jdbcUrl(), props)) {
            return new Attempt(null, false);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            // 28: invalid authorization (user, password); 3D000: the database does not exist
            return new Attempt(reason(e), state.startsWith("28") || state.equals("3D000"));
        }
    }

    private static String reason(SQLException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private static void pause(AtomicBoolean stopping) {
        long end = System.nanoTime() + RETRY_PAUSE.toNanos();
        while (!stopping.get() && System.nanoTime() < end) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping.set(true);
            }
        }
    }

    /** Host, port and database of a JDBC URL, without parameters that may hold credentials. */
    static String where(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql:(//)?", "");
        int query = rest.indexOf('?');
        rest = query < 0 ? rest : rest.substring(0, query);
        int at = rest.lastIndexOf('@');
        return at < 0 ? rest : rest.substring(at + 1);
    }
}
