package dev.basalt.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL whose data lives in {@code <dir>/pg}. If a Basalt process already runs it (a live
 * {@code postmaster.pid}), this attaches to that server instead of starting a second one, so CLI commands
 * work while {@code serve} runs. Connections need the password in {@code <dir>/pg.password}
 * ({@link EmbeddedCredentials}).
 */
final class EmbeddedDatabase implements DatabaseServer {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String USER = "postgres";
    /**
     * Settings for a small idle footprint (the server is one application's database on its machine), each
     * replaceable through {@code basalt.db.embedded-settings}. Shared memory counts only once touched, so
     * {@code shared_buffers} bounds what the cache can grow to (the OS page cache still holds the rest of the data);
     * {@code max_connections} follows the pool ({@link #connectionsFor}), since every slot costs shared memory
     * whether used or not.
     */
    /**
     * Connections beyond the pool: the realtime listener, the log writer, CLI commands run while {@code serve} runs,
     * a {@code psql} session.
     */
    static final int EXTRA_CONNECTIONS = 20;
    /** PostgreSQL's own default; fewer would save little and surprise anyone connecting with psql. */
    static final int MIN_CONNECTIONS = 100;
    static final Map<String, String> SMALL_FOOTPRINT = Map.of(
            "shared_buffers", "32MB",
            "autovacuum_max_workers", "2",
            "max_worker_processes", "4",
            "max_parallel_workers", "2",
            // no logical replication launcher process (Basalt subscribes to nothing): one process less, ~1 MB
            "max_logical_replication_workers", "0",
            "huge_pages", "off");

    private final EmbeddedPostgres postgres;
    private final int port;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port, String password) {
        this.postgres = postgres;
        this.port = port;
        this.password = password;
    }

    /** Starts the embedded server for the data directory, or attaches to the one already running there. */
    static EmbeddedDatabase startOrAttach(Path dataDir) {
        return startOrAttach(dataDir, serverSettings(MIN_CONNECTIONS - EXTRA_CONNECTIONS, ""));
    }

    /** As {@link #startOrAttach(Path)}, with these PostgreSQL settings ({@link #serverSettings}). */
    static EmbeddedDatabase startOrAttach(Path dataDir, Map<String, String> settings) {
        Path pgDir = dataDir.resolve("pg").toAbsolutePath();
        EmbeddedCredentials credentials = new EmbeddedCredentials(dataDir.toAbsolutePath());
        credentials.protectDataDirectory();
        boolean initialized = Files.exists(pgDir.resolve("postgresql.conf"));
        if (initialized && !Files.exists(credentials.passwordFile())
                && !EmbeddedCredentials.trustsConnections(pgDir)) {
            throw new IllegalStateException("The embedded PostgreSQL in " + pgDir + " requires a password, but "
                    + credentials.passwordFile() + " is missing: restore it from a backup of the data directory.");
        }
        String password = credentials.password();
        Integer running = runningPort(pgDir);
        if (running != null) {
            log.info("Attaching to the embedded PostgreSQL already running on port {}", running);
            return new EmbeddedDatabase(null, running, password);
        }
        try {
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky's readiness check connects as the superuser; trust ignores the password
                    .setConnectConfig("password", password);
            settings.forEach(builder::setServerConfig);
            if (!initialized) {
                // initdb's "--key=value" options: the superuser gets the password from the first moment, and
                // these override zonky's "-A trust" (initdb keeps the last method given)
                builder.setLocaleConfig("pwfile", credentials.passwordFile().toString())
                        .setLocaleConfig("auth", "scram-sha-256");
            }
            EmbeddedPostgres pg = builder.start();
            if (EmbeddedCredentials.trustsConnections(pgDir)) {
                credentials.requirePassword(pgDir, url(pg.getPort()), USER, password);
            }
            log.info("Embedded PostgreSQL started on port {} in {} ms (data: {})", pg.getPort(),
                    (System.nanoTime() - started) / 1_000_000, pgDir);
            return new EmbeddedDatabase(pg, pg.getPort(), password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgDir, e);
        }
    }

    /**
     * {@link #SMALL_FOOTPRINT} and the connections a pool of this size needs, with the given {@code name=value,...}
     * settings ({@code basalt.db.embedded-settings}) over them.
     */
    static Map<String, String> serverSettings(int maxPoolSize, String overrides) {
        Map<String, String> settings = new LinkedHashMap<>(SMALL_FOOTPRINT);
        settings.put("max_connections", Integer.toString(Math.max(MIN_CONNECTIONS, maxPoolSize + EXTRA_CONNECTIONS)));
        for (String pair : overrides.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("basalt.db.embedded-settings: expected name=value, got '"
                        + pair.strip() + "'");
            }
            settings.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return settings;
    }

    /** The port of a live server recorded in postmaster.pid, or null. */
    private static Integer runningPort(Path pgDir) {
        Path pidFile = pgDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return null;
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            if (lines.size() < 4 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                return null;
            }
            return Integer.parseInt(lines.get(3).trim());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String jdbcUrl() {
        return url(port);
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
                log.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }

}
