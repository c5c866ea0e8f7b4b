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
 */
@Validated
@ConfigurationProperties("basalt")
public record BasaltProperties(@NotNull @DefaultValue("basalt_data") Path dir,
                               @Valid @NotNull @DefaultValue Db db,
                               @Pattern(regexp = "text|json", message = "must be 'text' or 'json'")
                               @DefaultValue("text") String logFormat) {

    /**
     * Database settings.
     *
     * @param url         a {@code jdbc:postgresql://} URL; empty for the embedded PostgreSQL
     * @param user        database user
     * @param password    database password
     * @param maxPoolSize the largest number of pooled connections
     * @param startWait   how long the start waits for an unreachable external database before it gives up
     */
    public record Db(@Pattern(regexp = "^$|^jdbc:postgresql:.*", message = "must be a jdbc:postgresql: URL")
                     @DefaultValue("") String url,
                     @DefaultValue("") String user,
                     @DefaultValue("") String password,
                     @Min(1) @Max(500) @DefaultValue("20") int maxPoolSize,
                     @NotNull @DefaultValue("60s") java.time.Duration startWait) {

        /** True when no external database is configured. */
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }
}
