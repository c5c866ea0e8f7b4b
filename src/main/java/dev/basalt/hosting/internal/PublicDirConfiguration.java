package dev.basalt.hosting.internal;

import dev.basalt.shared.BasaltProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Serves the public directory at {@code /} when it exists at start: {@code basalt.public-dir}
 * ({@code --publicDir}), by default {@code basalt_public} next to the data directory, as PocketBase's
 * {@code pb_public} sits next to {@code pb_data}. Its mapping comes after every controller and endpoint, and
 * {@link PublicDirHandler} never answers under {@code /api/} or {@code /_/}, so the API and the dashboard win.
 * Without the directory nothing is mapped, and unknown paths cost no file lookups.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PublicDirConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PublicDirConfiguration.class);
    /** The default directory's name, next to the data directory. */
    static final String DEFAULT_NAME = "basalt_public";

    @Bean
    PublicDirHandler publicDirHandler(BasaltProperties properties,
                                      @Value("${basalt.public-dir:}") String publicDir,
                                      @Value("${basalt.index-fallback:true}") boolean indexFallback) {
        Path dir = publicDir.isBlank() ? defaultDir(properties.dir()) : Path.of(publicDir).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            log.debug("No public directory at {}: nothing served at /", dir);
            return null;
        }
        log.info("Serving the public directory {} at / (index fallback {})", dir, indexFallback ? "on" : "off");
        return new PublicDirHandler(dir, indexFallback);
    }

    @Bean
    SimpleUrlHandlerMapping publicDirMapping(ObjectProvider<PublicDirHandler> handler) {
        PublicDirHandler h = handler.getIfAvailable();
        // after the request mappings (order 0) and Spring's own resource mapping (lowest - 1)
        return new SimpleUrlHandlerMapping(h == null ? Map.of() : Map.of("/**", h), Ordered.LOWEST_PRECEDENCE);
    }

    /** {@code basalt_public} in the data directory's parent. */
    static Path defaultDir(Path dataDir) {
        Path parent = dataDir.toAbsolutePath().normalize().getParent();
        return (parent == null ? Path.of("/") : parent).resolve(DEFAULT_NAME);
    }
}
