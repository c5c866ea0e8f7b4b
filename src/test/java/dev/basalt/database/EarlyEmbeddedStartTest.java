package dev.basalt.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code basalt serve}'s early start of the embedded PostgreSQL: started on the environment event when switched on,
 * handed to the bean's {@link EarlyEmbeddedStart#take}, stopped when the application fails before taking it, and
 * not started at all without the switch or with an external database URL.
 */
class EarlyEmbeddedStartTest {
    private static final SpringApplication APP = new SpringApplication(Object.class);

    @TempDir
    Path tmp;

    @Test
    void theBeanTakesTheServerStartedOnTheEnvironmentEvent() throws Exception {
        Path dir = tmp.resolve("data");
        new EarlyEmbeddedStart().onApplicationEvent(prepared(Map.of(EarlyEmbeddedStart.PROPERTY, "true",
                "basalt.dir", dir.toString())));
        try (EmbeddedDatabase db = EarlyEmbeddedStart.take(dir)) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertThat(Files.exists(dir.resolve("pg/postmaster.pid"))).isTrue();
        }
        assertThat(Files.exists(dir.resolve("pg/postmaster.pid"))).as("stopped by the bean's close").isFalse();
    }

    @Test
    void aFailedStartStopsTheServerNobodyTook() {
        Path dir = tmp.resolve("failed");
        EarlyEmbeddedStart listener = new EarlyEmbeddedStart();
        listener.onApplicationEvent(prepared(Map.of(EarlyEmbeddedStart.PROPERTY, "true", "basalt.dir",
                dir.toString())));
        listener.onApplicationEvent(new ApplicationFailedEvent(APP, new String[0], null,
                new IllegalStateException("an invalid setting")));
        assertThat(Files.exists(dir.resolve("pg/postgresql.conf"))).as("it had started").isTrue();
        assertThat(Files.exists(dir.resolve("pg/postmaster.pid"))).as("and was stopped").isFalse();
    }

    @Test
    void nothingStartsWithoutTheSwitchOrWithAnExternalDatabase() {
        Path dir = tmp.resolve("none");
        new EarlyEmbeddedStart().onApplicationEvent(prepared(Map.of("basalt.dir", dir.toString())));
        new EarlyEmbeddedStart().onApplicationEvent(prepared(Map.of(EarlyEmbeddedStart.PROPERTY, "true",
                "basalt.dir", dir.toString(), "basalt.db.url", "jdbc:postgresql://127.0.0.1:5432/x")));
        assertThat(dir).doesNotExist();
    }

    private static ApplicationEnvironmentPreparedEvent prepared(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), APP, new String[0], env);
    }
}
