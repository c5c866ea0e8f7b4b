package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionJson;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-in sessions of an auth record (Basalt, beyond PocketBase), for the record itself and superusers:
 * list the active ones, revoke one, or revoke all. A revoked session's tokens are refused at once.
 */
@RestController
class SessionController {
    private static final String BASE = "/api/collections/{collection}/records/{id}/sessions";
    private final CollectionRegistry collections;
    private final Sessions sessions;

    SessionController(CollectionRegistry collections, Sessions sessions) {
        this.collections = collections;
        this.sessions = sessions;
    }

    @GetMapping(BASE)
    Map<String, Object> list(@PathVariable String collection, @PathVariable String id, HttpServletRequest request) {
        Collection c = ownerOrSuperuser(collection, id, request);
        AuthService.Authenticated current = AuthFilter.of(request);
        List<Map<String, Object>> items = sessions.listActive(c.id(), id).stream()
                .map(s -> toJson(s, current != null && s.id().equals(current.sessionId())))
                .toList();
        return Map.of("items", items);
    }

    @DeleteMapping(BASE + "/{sessionId}")
    ResponseEntity<Void> revoke(@PathVariable String collection, @PathVariable String id,
                                @PathVariable String sessionId, HttpServletRequest request) {
        Collection c = ownerOrSuperuser(collection, id, request);
        Sessions.Session session = sessions.find(sessionId)
                .filter(s -> s.collectionId().equals(c.id()) && s.recordId().equals(id) && s.revoked() == null)
                .orElseThrow(ApiException::notFound);
        sessions.revoke(session.id(), "revoked");
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(BASE)
    ResponseEntity<Void> revokeAll(@PathVariable String collection, @PathVariable String id,
                                   HttpServletRequest request) {
        Collection c = ownerOrSuperuser(collection, id, request);
        sessions.revokeAll(c.id(), id, "revoked");
        return ResponseEntity.noContent().build();
    }

    private Collection ownerOrSuperuser(String collection, String id, HttpServletRequest request) {
        Collection c = collections.find(collection).filter(Collection::isAuth)
                .orElseThrow(AuthErrors.AUTH_COLLECTION_MISSING::exception);
        Caller caller = Caller.of(request);
        if (caller.anonymous()) {
            throw AuthErrors.TOKEN_INVALID.exception();
        }
        if (!caller.superuser() && !(caller.collectionId().equals(c.id()) && caller.id().equals(id))) {
            throw AuthErrors.SESSIONS_NOT_OWNER.exception();
        }
        return c;
    }

    private static Map<String, Object> toJson(Sessions.Session s, boolean current) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("collectionId", s.collectionId());
        json.put("recordId", s.recordId());
        json.put("kind", s.kind().name().toLowerCase());
        json.put("userAgent", s.userAgent());
        json.put("current", current);
        json.put("created", CollectionJson.formatDate(s.created()));
        json.put("lastUsed", CollectionJson.formatDate(s.lastUsed()));
        json.put("expires", CollectionJson.formatDate(s.expires()));
        return json;
    }
}
