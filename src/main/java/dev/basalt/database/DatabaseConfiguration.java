package dev.basalt.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.basalt.shared.BasaltProperties;
import javax.sql.DataSource;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link DataSource}: an embedded PostgreSQL when no URL is configured, else the external one.
 * The server bean outlives the pool, so on shutdown connections close before the embedded server stops.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {
    /**
     * Connections the pool keeps while idle. Each PostgreSQL backend holds several MB (its catalog caches grow with
     * the schema); a pool fixed at its maximum kept 20 of them open for nothing. Under load it grows to the maximum.
     */
    static final int MIN_IDLE_CONNECTIONS = 2;
    /** How long a connection above {@link #MIN_IDLE_CONNECTIONS} may sit unused before the pool closes it. */
    static final java.time.Duration IDLE_CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(BasaltProperties properties) {
        BasaltProperties.Db db = properties.db();
        if (db.embedded()) {
            return EarlyEmbeddedStart.take(properties.dir(),
                    EmbeddedDatabase.serverSettings(db.maxPoolSize(), db.embeddedSettings()));
        }
        ExternalDatabase external = new ExternalDatabase(db.url(), db.user(), db.password());
        DatabaseStartup.awaitReachable(external, db.startWait());
        return external;
    }

    /**
     * jOOQ without its per-statement debug logging listener and warning fetch: both run on every query and
     * report nothing Basalt uses (errors still raise exceptions).
     */
    @Bean
    DefaultConfigurationCustomizer jooqSettings() {
        return configuration -> configuration.settings().withExecuteLogging(false).withFetchWarnings(false);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server, BasaltProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        if (!server.user().isEmpty()) {
            config.setUsername(server.user());
        }
        if (!server.password().isEmpty()) {
            config.setPassword(server.password());
        }
        config.setMaximumPoolSize(properties.db().maxPoolSize());
        config.setMinimumIdle(Math.min(MIN_IDLE_CONNECTIONS, properties.db().maxPoolSize()));
        config.setIdleTimeout(IDLE_CONNECTION_TIMEOUT.toMillis());
        config.setPoolName("basalt");
        config.setConnectionTimeout(DatabaseTimeouts.POOL_CONNECTION.toMillis());
        config.setValidationTimeout(DatabaseTimeouts.VALIDATION.toMillis());
        config.setDataSourceProperties(DatabaseTimeouts.driverProperties());
        return new HikariDataSource(config);
    }
}
