package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RequestBodies;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import dev.basalt.shared.ValidationErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys (Basalt, beyond PocketBase), for superusers: {@code POST /api/api-keys} with {@code name},
 * {@code scopes}, optional {@code expires} (a date) and optional {@code collection} + {@code recordId} (the auth
 * record whose identity the rules then see) answers the key once in {@code key}; {@code GET} lists the active
 * keys without their secret; {@code DELETE /api/api-keys/{id}} revokes one.
 */
@RestController
class ApiKeyController {
    private static final int MAX_NAME = 255;
    private final ApiKeys keys;
    private final CollectionRegistry collections;
    private final RecordReads store;
    private final RequestBodies bodies;

    ApiKeyController(ApiKeys keys, CollectionRegistry collections, RecordReads store, RequestBodies bodies) {
        this.keys = keys;
        this.collections = collections;
        this.store = store;
        this.bodies = bodies;
    }

    @PostMapping("/api/api-keys")
    Map<String, Object> create(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        Map<String, Object> body = bodies.read(request);
        ValidationErrors errors = new ValidationErrors();
        String name = body.get("name") instanceof String s ? s.trim() : "";
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add("name", "validation_required", "A name of 1 to " + MAX_NAME + " characters is required.");
        }
        List<String> scopes = scopes(body.get("scopes"), errors);
        OffsetDateTime expires = expires(body.get("expires"), errors, keys.now());
        String collectionId = null;
        String recordId = null;
        Object collection = body.get("collection");
        if (collection != null && !"".equals(collection)) {
            Collection c = collections.find(String.valueOf(collection)).filter(Collection::isAuth).orElse(null);
            recordId = body.get("recordId") instanceof String s ? s : "";
            if (c == null) {
                errors.add("collection", "validation_invalid_collection", "Must be an auth collection.");
            } else if (store.findById(c, recordId).isEmpty()) {
                errors.add("recordId", "validation_missing_record", "No such record in " + c.name() + ".");
            } else {
                collectionId = c.id();
            }
        }
        errors.throwIfAny(AuthErrors.API_KEY_CREATE_FAILED);
        ApiKeys.Created created = keys.create(name, scopes, collectionId, recordId, expires);
        Map<String, Object> json = new LinkedHashMap<>(ApiKeys.toJson(created.key()));
        json.put("key", created.secret());
        return json;
    }

    @GetMapping("/api/api-keys")
    Map<String, Object> list(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        return Map.of("items", keys.list().stream().map(ApiKeys::toJson).toList());
    }

    @DeleteMapping("/api/api-keys/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        if (!keys.revoke(id)) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    private List<String> scopes(Object value, ValidationErrors errors) {
        List<String> out = new ArrayList<>();
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > ApiKeyScopes.MAX_SCOPES) {
            errors.add("scopes", "validation_required",
                    "Between 1 and " + ApiKeyScopes.MAX_SCOPES + " scopes like \"posts:list\" are required.");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String scope = list.get(i) instanceof String s ? s : null;
            if (!ApiKeyScopes.valid(scope)) {
                errors.add("scopes." + i, "validation_invalid_scope",
                        "Must be collection:action with action list, view, create, update, delete or *.");
            } else if (!scope.startsWith("*:") && collections.find(scope.substring(0, scope.indexOf(':'))).isEmpty()) {
                errors.add("scopes." + i, "validation_missing_collection", "No such collection.");
            } else {
                out.add(scope);
            }
        }
        return out;
    }

    private static OffsetDateTime expires(Object value, ValidationErrors errors, OffsetDateTime now) {
        if (value == null || "".equals(value)) {
            return null;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(String.valueOf(value).trim().replace(' ', 'T'));
            if (t.isBefore(now)) {
                errors.add("expires", "validation_date_in_past", "Must be in the future.");
            }
            return t;
        } catch (DateTimeParseException e) {
            errors.add("expires", "validation_invalid_date", "Must be a date like 2030-01-01 00:00:00.000Z.");
            return null;
        }
    }
}
