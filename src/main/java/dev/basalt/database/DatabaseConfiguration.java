package dev.basalt.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.basalt.shared.BasaltProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link DataSource}: an embedded PostgreSQL when no URL is configured, else the external one.
 * The server bean outlives the pool, so on shutdown connections close before the embedded server stops.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(BasaltProperties properties) {
        BasaltProperties.Db db = properties.db();
        if (db.embedded()) {
            return EmbeddedDatabase.startOrAttach(properties.dir());
        }
        return new ExternalDatabase(db.url(), db.user(), db.password());
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
        config.setPoolName("basalt");
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }
}
