package dev.basalt.apidocs.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.shared.BasaltVersion;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/docs/openapi.json}: the OpenAPI document for the caller; {@code /api/docs} (Swagger UI) and
 * {@code /api/redoc} (ReDoc) read it. Documents are cached per schema version and audience, so a schema change
 * (on this node, or on another one once the registry reloads) shows at once.
 */
@RestController
@ConditionalOnWebApplication
class OpenApiController {
    /** Schema versions times audiences kept: the current schema's three views and a few stale ones. */
    private static final int CACHED_DOCUMENTS = 12;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Key(long schemaVersion, Audience audience) {
    }

    private final CollectionRegistry collections;
    private final RouteIndex routes;
    private final Cache<Key, byte[]> documents = Caffeine.newBuilder().maximumSize(CACHED_DOCUMENTS).build();
    private final String swaggerPage = page("apidocs/swagger.html");
    private final String redocPage = page("apidocs/redoc.html");
    private final String version;

    OpenApiController(CollectionRegistry collections, RouteIndex routes) {
        this.collections = collections;
        this.routes = routes;
        this.version = BasaltVersion.get();
    }

    @GetMapping(value = "/api/docs/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> openApi(HttpServletRequest request) {
        Audience audience = Audience.of(Caller.of(request));
        // the version is read before the collections: a change in between makes the next request rebuild
        long schemaVersion = collections.version();
        byte[] body = documents.get(new Key(schemaVersion, audience), k -> JSON.writeValueAsBytes(
                OpenApiDocument.build(collections.all(), audience, routes, version)));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
    }

    @GetMapping(value = "/api/docs", produces = MediaType.TEXT_HTML_VALUE)
    String swaggerUi() {
        return swaggerPage;
    }

    @GetMapping(value = "/api/redoc", produces = MediaType.TEXT_HTML_VALUE)
    String redoc() {
        return redocPage;
    }

    private static String page(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
