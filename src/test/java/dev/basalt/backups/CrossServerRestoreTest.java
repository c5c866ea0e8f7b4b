package dev.basalt.backups;

import static dev.basalt.backups.BackupServer.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.basalt.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken on the embedded PostgreSQL (17) restores on the machine's PostgreSQL 15 at 127.0.0.1:5432, and
 * a backup taken there restores back on the embedded one: records, files, the view and a user's password.
 */
@Tag("db")
class CrossServerRestoreTest {
    /** The other server; override with {@code BASALT_BACKUP_OTHER_DB_URL}. */
    private static final String OTHER = System.getenv().getOrDefault("BASALT_BACKUP_OTHER_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");

    @TempDir
    Path embeddedDir;
    @TempDir
    Path otherDir;

    @Test
    void restoresAcrossServersAndMajorVersionsBothWays() throws Exception {
        String otherDb = createOtherDatabase();
        try (BackupServer embedded = new BackupServer(TestDatabase.createDatabase(), TestDatabase.user(),
                TestDatabase.password(), embeddedDir);
             BackupServer other = new BackupServer(otherDb, "postgres", "", otherDir)) {
            String embeddedVersion = version(embedded);
            String otherVersion = version(other);
            if (!TestDatabase.external()) {
                assertThat(embeddedVersion).as("two major versions").isNotEqualTo(otherVersion);
            }
            BackupServer.Seeded seeded = embedded.seed();
            check(embedded.send("POST", "/api/backups", Map.of("name", "from-embedded.zip"), embedded.token), 204);
            copy(embedded, other, "from-embedded.zip");
            check(other.send("POST", "/api/backups/from-embedded.zip/restore", null, other.token), 204);
            verify(other, seeded, "kept");

            // The superuser of the backup signs in on the other server; change a record there and come back.
            other.token = check(other.signIn("_superusers", BackupServer.EMAIL, BackupServer.PASSWORD), 200)
                    .json().get("token").asString();
            check(other.send("PATCH", "/api/collections/notes/records/" + seeded.noteId(),
                    Map.of("title", "edited on " + otherVersion), other.token), 200);
            check(other.send("POST", "/api/backups", Map.of("name", "from-other.zip"), other.token), 204);
            check(embedded.send("PATCH", "/api/collections/notes/records/" + seeded.noteId(),
                    Map.of("title", "overwritten"), embedded.token), 200);
            copy(other, embedded, "from-other.zip");
            check(embedded.send("POST", "/api/backups/from-other.zip/restore", null, embedded.token), 204);
            verify(embedded, seeded, "edited on " + otherVersion);
        } finally {
            dropOtherDatabase(otherDb);
        }
    }

    private static void verify(BackupServer server, BackupServer.Seeded seeded, String title) {
        var note = check(server.send("GET", "/api/collections/notes/records/" + seeded.noteId(), null, server.token),
                200);
        assertThat(note.json().get("title").asString()).isEqualTo(title);
        var file = check(server.send("GET", "/api/files/notes/" + seeded.noteId() + "/" + seeded.fileName(), null,
                null), 200);
        assertThat(file.bytes()).isEqualTo(seeded.fileContent());
        assertThat(server.signIn("members", "ann@example.com", "old-password-1").status()).isEqualTo(200);
        assertThat(check(server.send("GET", "/api/collections/note_titles/records", null, null), 200).json()
                .at("/items/0/title").asString()).isEqualTo(title);
    }

    private static void copy(BackupServer from, BackupServer to, String name) throws Exception {
        Path target = to.dir.resolve("backups");
        Files.createDirectories(target);
        Files.copy(from.dir.resolve("backups").resolve(name), target.resolve(name));
    }

    private static String version(BackupServer server) {
        return server.context.getBean(org.jooq.DSLContext.class).fetchValue("SHOW server_version").toString();
    }

    private static String createOtherDatabase() {
        String name = "basalt_backup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(OTHER, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            assumeTrue(false, "no PostgreSQL at " + OTHER + ": " + e.getMessage());
        }
        return OTHER.substring(0, OTHER.lastIndexOf('/') + 1) + name;
    }

    private static void dropOtherDatabase(String url) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(OTHER, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
