package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Confines requests made with an API key to what its scopes name: only the records API's routes, each mapped
 * to an action ({@code GET .../records} list, {@code GET .../records/{id}} view, {@code POST} create,
 * {@code PATCH} update, {@code DELETE} delete); every other route is refused, and so is {@code expand}, which
 * would read other collections. An invalid key is refused with 401.
 */
@Component
class ApiKeyInterceptor implements HandlerInterceptor {
    private static final String RECORDS = "/api/collections/{collection}/records";
    private static final String RECORD = RECORDS + "/{id}";
    private final CollectionRegistry collections;

    ApiKeyInterceptor(CollectionRegistry collections) {
        this.collections = collections;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(AuthFilter.INVALID_API_KEY) != null) {
            throw AuthErrors.API_KEY_INVALID.exception();
        }
        if (!(request.getAttribute(AuthFilter.API_KEY) instanceof ApiKeys.ApiKey key)) {
            return true;
        }
        String action = action(request);
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String collection = vars instanceof Map<?, ?> m && m.get("collection") instanceof String s ? s : null;
        String name = collection == null ? null : collections.find(collection).map(Collection::name).orElse(collection);
        if (action == null || name == null || !ApiKeyScopes.allows(key.scopes(), name, action)) {
            throw AuthErrors.API_KEY_SCOPE.exception();
        }
        if (request.getParameter("expand") != null) {
            throw AuthErrors.API_KEY_EXPAND.exception();
        }
        return true;
    }

    private static String action(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String method = request.getMethod();
        if (RECORDS.equals(pattern)) {
            return switch (method) {
                case "GET", "HEAD" -> "list";
                case "POST" -> "create";
                default -> null;
            };
        }
        if (RECORD.equals(pattern)) {
            return switch (method) {
                case "GET", "HEAD" -> "view";
                case "PATCH" -> "update";
                case "DELETE" -> "delete";
                default -> null;
            };
        }
        return null;
    }
}
