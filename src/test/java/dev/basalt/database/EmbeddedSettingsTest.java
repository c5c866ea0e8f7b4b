package dev.basalt.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL starts with its small-footprint settings, sized to the pool, and
 * {@code basalt.db.embedded-settings} replaces any of them, on a real server.
 */
class EmbeddedSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void theServerRunsWithTheSmallDefaultsAndTheOverridesOverThem() throws Exception {
        Map<String, String> settings = EmbeddedDatabase.serverSettings(20, " shared_buffers = 48MB ,work_mem=2MB");
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(tmp.resolve("data"), settings)) {
            assertThat(show(db, "shared_buffers")).isEqualTo("48MB");
            assertThat(show(db, "work_mem")).isEqualTo("2MB");
            assertThat(show(db, "max_connections")).isEqualTo("100");
            assertThat(show(db, "autovacuum_max_workers")).isEqualTo("2");
            assertThat(query(db, "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE backend_type = 'logical replication launcher'")).isEqualTo("0");
        }
    }

    @Test
    void theConnectionsFollowThePoolAndAreNeverBelowPostgresDefault() {
        assertThat(EmbeddedDatabase.serverSettings(20, "")).containsEntry("max_connections", "100")
                .containsEntry("shared_buffers", "32MB");
        assertThat(EmbeddedDatabase.serverSettings(300, "")).containsEntry("max_connections", "320");
        assertThat(EmbeddedDatabase.serverSettings(300, "max_connections=500"))
                .containsEntry("max_connections", "500");
    }

    @Test
    void aSettingWithoutAValueIsNamed() {
        assertThatThrownBy(() -> EmbeddedDatabase.serverSettings(20, "shared_buffers"))
                .hasMessageContaining("expected name=value, got 'shared_buffers'");
    }

    private static String show(EmbeddedDatabase db, String setting) throws Exception {
        return query(db, "SHOW " + setting);
    }

    private static String query(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
