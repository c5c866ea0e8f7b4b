package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RequestBodies;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** PocketBase's auth endpoints of auth collections: {@code auth-with-password} and {@code auth-refresh}. */
@RestController
class AuthController {
    private final CollectionRegistry collections;
    private final AuthService auth;
    private final RequestBodies bodies;

    AuthController(CollectionRegistry collections, AuthService auth, RequestBodies bodies) {
        this.collections = collections;
        this.auth = auth;
        this.bodies = bodies;
    }

    @PostMapping("/api/collections/{collection}/auth-with-password")
    Map<String, Object> withPassword(@PathVariable String collection, HttpServletRequest request) {
        Map<String, Object> body = bodies.read(request);
        Object identity = body.get("identity");
        Object password = body.get("password");
        return auth.withPassword(find(collection), identity == null ? null : String.valueOf(identity),
                password == null ? null : String.valueOf(password));
    }

    @PostMapping("/api/collections/{collection}/auth-refresh")
    Map<String, Object> refresh(@PathVariable String collection, HttpServletRequest request) {
        return auth.refresh(find(collection), Caller.of(request));
    }

    private Collection find(String idOrName) {
        return collections.find(idOrName).orElseThrow(() -> ApiException.notFound("Missing collection context."));
    }
}
