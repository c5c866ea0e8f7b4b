package dev.basalt.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Basalt's typed configuration, bound from {@code basalt.*} properties and {@code BASALT_*} environment
 * variables (e.g. {@code BASALT_DB_URL}); invalid values stop the start with a clear message.
 *
 * @param dir       the data directory (embedded PostgreSQL, files)
 * @param db        the database connection; an empty url starts an embedded PostgreSQL
 * @param logFormat {@code text} or {@code json}
 * @param redis     the optional Redis: realtime events, cluster messages and rate-limit counters
 */
@Validated
@ConfigurationProperties("basalt")
public record BasaltProperties(@NotNull @DefaultValue("basalt_data") Path dir,
                               @Valid @NotNull @DefaultValue Db db,
                               @Pattern(regexp = "text|json", message = "must be 'text' or 'json'")
                               @DefaultValue("text") String logFormat,
                               @Valid @NotNull @DefaultValue Redis redis) {

    /**
     * The optional Redis ({@code BASALT_REDIS_URL}, {@code BASALT_REDIS_PREFIX}).
     *
     * @param url    a {@code redis://} or {@code rediss://} URL (Lettuce's syntax, a database number as its path);
     *               empty: PostgreSQL alone
     * @param prefix put before every key and channel name, so that several clusters can share one Redis
     */
    public record Redis(@Pattern(regexp = "^$|^rediss?://.*", message = "must be a redis:// or rediss:// URL")
                        @DefaultValue("") String url,
                        @Pattern(regexp = "[A-Za-z0-9:_.-]{1,64}", message = "must be 1 to 64 of A-Z a-z 0-9 : _ . -")
                        @DefaultValue("basalt:") String prefix) {

        /** True when a Redis is configured. */
        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Database settings.
     *
     * @param url         a {@code jdbc:postgresql://} URL; empty for the embedded PostgreSQL
     * @param user        database user
     * @param password    database password
     * @param maxPoolSize the largest number of pooled connections
     * @param startWait   how long the start waits for an unreachable external database before it gives up
     * @param embeddedSettings PostgreSQL settings of the embedded server, {@code name=value} comma-separated, over
     *                    its small-footprint defaults (e.g. {@code shared_buffers=256MB,max_connections=300})
     */
    public record Db(@Pattern(regexp = "^$|^jdbc:postgresql:.*", message = "must be a jdbc:postgresql: URL")
                     @DefaultValue("") String url,
                     @DefaultValue("") String user,
                     @DefaultValue("") String password,
                     @Min(1) @Max(500) @DefaultValue("20") int maxPoolSize,
                     @NotNull @DefaultValue("60s") java.time.Duration startWait,
                     @DefaultValue("") String embeddedSettings) {

        /** True when no external database is configured. */
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }
}
