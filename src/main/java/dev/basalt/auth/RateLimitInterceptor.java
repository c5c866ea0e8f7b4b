package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UrlPathHelper;

/**
 * Applies the {@code rateLimits} settings ({@link RequestRateLimits}) to every request, with the tags PocketBase gives
 * its collection routes: the records API {@code list}, {@code view}, {@code create}, {@code update}, {@code delete};
 * file downloads {@code file}; the auth routes their action ({@code listAuthMethods}, {@code authRefresh},
 * {@code authWithPassword}, {@code requestOTP}, ...), the three sign-in routes also {@code auth}. A collection route
 * whose collection does not exist is not counted (it answers 404, as in PocketBase).
 */
@Component
class RateLimitInterceptor implements HandlerInterceptor {
    private static final String COLLECTION = "/api/collections/{collection}/";
    private static final String FILE = "/api/files/{collection}/{recordId}/{filename}";
    private static final Map<String, List<String>> AUTH_TAGS = Map.ofEntries(
            Map.entry("auth-methods", List.of("listAuthMethods")),
            Map.entry("auth-refresh", List.of("authRefresh")),
            Map.entry("auth-with-password", List.of("authWithPassword", "auth")),
            Map.entry("auth-with-oauth2", List.of("authWithOAuth2", "auth")),
            Map.entry("request-otp", List.of("requestOTP")),
            Map.entry("auth-with-otp", List.of("authWithOTP", "auth")),
            Map.entry("request-password-reset", List.of("requestPasswordReset")),
            Map.entry("confirm-password-reset", List.of("confirmPasswordReset")),
            Map.entry("request-verification", List.of("requestVerification")),
            Map.entry("confirm-verification", List.of("confirmVerification")),
            Map.entry("request-email-change", List.of("requestEmailChange")),
            Map.entry("confirm-email-change", List.of("confirmEmailChange")));
    private final RequestRateLimits limits;
    private final CollectionRegistry collections;

    RateLimitInterceptor(RequestRateLimits limits, CollectionRegistry collections) {
        this.limits = limits;
        this.collections = collections;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // A CORS preflight is answered before PocketBase's rate limiter runs.
        if (CorsUtils.isPreFlightRequest(request) || !limits.enabled()) {
            return true;
        }
        String method = request.getMethod();
        String pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String p
                ? p : "";
        List<String> tags = tags(pattern, method);
        Collection collection = null;
        if (!tags.isEmpty()) {
            Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String name = vars instanceof Map<?, ?> m && m.get("collection") instanceof String s ? s : "";
            collection = collections.find(name).orElse(null);
            if (collection == null) {
                return true;
            }
        }
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        limits.check(request, collection, method + " " + pattern, tags, method, path);
        return true;
    }

    /** PocketBase's tags of a route, empty for routes that have none. */
    private static List<String> tags(String pattern, String method) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (pattern.equals(FILE)) {
            return read ? List.of("file") : List.of();
        }
        if (!pattern.startsWith(COLLECTION)) {
            return List.of();
        }
        String rest = pattern.substring(COLLECTION.length());
        return switch (rest) {
            case "records" -> read ? List.of("list") : method.equals("POST") ? List.of("create") : List.of();
            case "records/{id}" -> read ? List.of("view") : switch (method) {
                case "PATCH" -> List.of("update");
                case "DELETE" -> List.of("delete");
                default -> List.of();
            };
            default -> AUTH_TAGS.getOrDefault(rest, List.of());
        };
    }
}
