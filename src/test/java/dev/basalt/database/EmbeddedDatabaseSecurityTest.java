package dev.basalt.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL lets no local user in without the password: a new data directory is created with
 * scram-sha-256 and a 0600 password file in a 0700 directory, an old one that trusted local connections is
 * converted on start, and a second process attaching to the running server uses the same password.
 */
class EmbeddedDatabaseSecurityTest {
    @TempDir
    Path tmp;

    @Test
    void aNewDataDirectoryRequiresThePasswordKeptOwnerOnly() throws Exception {
        Path dir = tmp.resolve("basalt_data");
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(dir)) {
            assertOwnerOnly(dir);
            assertThat(Files.readString(dir.resolve("pg/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#\\n]*trust");
            assertThat(db.password()).isEqualTo(Files.readString(dir.resolve("pg.password")).trim()).hasSize(48);
            assertRefusedWithout(db);
            assertThat(select1(db.jdbcUrl(), db.password())).isEqualTo(1);

            try (EmbeddedDatabase attached = EmbeddedDatabase.startOrAttach(dir)) {
                assertThat(select1(attached.jdbcUrl(), attached.password())).isEqualTo(1);
            }
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.startOrAttach(dir)) {
            assertThat(select1(again.jdbcUrl(), again.password())).isEqualTo(1);
        }
    }

    @Test
    void aDataDirectoryThatTrustedLocalConnectionsIsConvertedOnStart() throws Exception {
        Path dir = tmp.resolve("old_data");
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        // what an older Basalt left: zonky's defaults, trust for every local connection
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false).start()) {
            assertThat(select1(old.getJdbcUrl("postgres", "postgres"), null)).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("pg/pg_hba.conf"))).containsPattern("(?m)^[^#\\n]*trust");

        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(dir)) {
            assertOwnerOnly(dir);
            assertThat(Files.readString(dir.resolve("pg/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#\\n]*trust");
            assertRefusedWithout(db);
            assertThat(select1(db.jdbcUrl(), db.password())).isEqualTo(1);
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.startOrAttach(dir)) {
            assertThat(select1(again.jdbcUrl(), again.password())).isEqualTo(1);
        }
    }

    @Test
    void aMissingPasswordFileIsNamedInsteadOfAFailedStart() throws Exception {
        Path dir = tmp.resolve("lost_password");
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(dir)) {
            assertThat(db.password()).isNotEmpty();
        }
        Files.delete(dir.resolve("pg.password"));

        assertThatThrownBy(() -> EmbeddedDatabase.startOrAttach(dir)).hasMessageContaining("pg.password is missing");
    }

    private static void assertOwnerOnly(Path dir) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pg.password"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pg"))))
                .isEqualTo("rwx------");
    }

    private static void assertRefusedWithout(EmbeddedDatabase db) {
        assertThatThrownBy(() -> select1(db.jdbcUrl(), null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> select1(db.jdbcUrl(), "not-the-password")).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    private static int select1(String url, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        if (password != null) {
            props.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(url, props);
             var rs = c.createStatement().executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
