package dev.basalt.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL for tests. By default one embedded PostgreSQL per test JVM; with {@code BASALT_TEST_DB_URL}
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user from {@code BASALT_TEST_DB_USER}, default
 * {@code postgres}) an external server. Each call to {@link #createDatabase()} makes a fresh, empty database.
 */
public final class TestDatabase {
    private static final java.util.List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static EmbeddedPostgres embedded;
    private static String adminUrl;

    private TestDatabase() {
    }

    private static synchronized String adminUrl() {
        if (adminUrl != null) {
            return adminUrl;
        }
        String external = System.getenv("BASALT_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated));
            return adminUrl;
        }
        try {
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("basalt-test-pg"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        adminUrl = embedded.getJdbcUrl("postgres", "postgres");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
        }));
        return adminUrl;
    }

    /** Drops this JVM's databases on an external server, so runs do not pile them up (PostgreSQL 13+). */
    private static void dropCreated() {
        try (Connection c = DriverManager.getConnection(adminUrl, user(), password());
             Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases: " + e.getMessage());
        }
    }

    /** The user tests connect as. */
    public static String user() {
        String u = System.getenv("BASALT_TEST_DB_USER");
        return u == null || u.isBlank() ? "postgres" : u;
    }

    /** The password tests connect with. */
    public static String password() {
        String p = System.getenv("BASALT_TEST_DB_PASSWORD");
        return p == null ? "" : p;
    }

    /** True when the tests run against an external server rather than the embedded one. */
    public static boolean external() {
        adminUrl();
        return embedded == null;
    }

    /** Creates a new empty database and returns its JDBC URL. */
    public static String createDatabase() {
        String admin = adminUrl();
        String name = "basalt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin, user(), password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database", e);
        }
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        String params = q < 0 ? "" : admin.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }

    /** A plain DataSource on a fresh database (for tests below the Spring level). */
    public static PGSimpleDataSource newDataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(createDatabase());
        ds.setUser(user());
        ds.setPassword(password());
        return ds;
    }
}
