package dev.basalt.auth;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RecordData;
import dev.basalt.records.RequestBodies;
import dev.basalt.shared.Caller;
import dev.basalt.shared.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's auth endpoints of auth collections ({@code auth-methods}, {@code auth-with-password},
 * {@code auth-with-oauth2}, {@code auth-refresh}, {@code impersonate/{id}}) and Basalt's {@code auth-logout}.
 */
@RestController
class AuthController {
    /** Longest impersonation token a superuser may ask for (as a collection's longest token). */
    static final long MAX_IMPERSONATION_SECONDS = AuthOptions.MAX_TOKEN_SECONDS;
    private final CollectionRegistry collections;
    private final AuthService auth;
    private final PasswordSignIn passwords;
    private final Sessions sessions;
    private final RequestBodies bodies;
    private final AuthRateLimiter limiter;
    private final OAuth2Providers oauth2Providers;
    private final OAuth2SignIn oauth2;
    private final AuthRecordExpand expand;
    private final AuthRequests hooked;

    AuthController(CollectionRegistry collections, AuthService auth, PasswordSignIn passwords, Sessions sessions,
                   RequestBodies bodies, AuthRateLimiter limiter, OAuth2Providers oauth2Providers, OAuth2SignIn oauth2,
                   AuthRecordExpand expand, AuthRequests hooked) {
        this.hooked = hooked;
        this.expand = expand;
        this.oauth2Providers = oauth2Providers;
        this.oauth2 = oauth2;
        this.limiter = limiter;
        this.collections = collections;
        this.auth = auth;
        this.passwords = passwords;
        this.sessions = sessions;
        this.bodies = bodies;
    }

    @GetMapping("/api/collections/{collection}/auth-methods")
    Map<String, Object> methods(@PathVariable String collection) {
        AuthOptions o = authCollection(collection).authOptions();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("password", Map.of("enabled", o.passwordAuth().enabled(),
                "identityFields", o.passwordAuth().enabled() ? o.passwordAuth().identityFields() : List.of()));
        List<Map<String, Object>> providers = o.oauth2().enabled() ? o.oauth2().providers().stream()
                .map(oauth2Providers::resolve).flatMap(java.util.Optional::stream).map(OAuth2Providers::authInfo)
                .toList() : List.of();
        out.put("oauth2", Map.of("enabled", o.oauth2().enabled(), "providers", providers));
        out.put("mfa", Map.of("enabled", o.mfa().enabled(), "duration", o.mfa().enabled() ? o.mfa().duration() : 0));
        out.put("otp", Map.of("enabled", o.otp().enabled(), "duration", o.otp().enabled() ? o.otp().duration() : 0));
        out.put("authProviders", providers);
        out.put("usernamePassword", o.passwordAuth().enabled() && o.passwordAuth().identityFields().contains("username"));
        out.put("emailPassword", o.passwordAuth().enabled() && o.passwordAuth().identityFields().contains("email"));
        return out;
    }

    @PostMapping("/api/collections/{collection}/auth-with-password")
    ResponseEntity<Object> withPassword(@PathVariable String collection, HttpServletRequest request) {
        Collection c = authCollection(collection);
        return hooked.run(AuthRequestInterceptor.Kind.AUTH_WITH_PASSWORD, request, c, body -> {
            String identity = text(body, "identity");
            RecordData row = limiter.attempt(request, c, identity, () -> passwords.authenticate(c, identity,
                    text(body, "password"), text(body, "identityField")));
            return expand.apply(c, auth.signIn(c, row, request, "password", mfaId(request, body)), request);
        });
    }

    @PostMapping("/api/collections/{collection}/auth-with-oauth2")
    ResponseEntity<Object> withOAuth2(@PathVariable String collection, HttpServletRequest request) {
        Collection c = authCollection(collection);
        return hooked.run(AuthRequestInterceptor.Kind.AUTH_WITH_OAUTH2, request, c, body -> withOAuth2(c, body,
                request));
    }

    private Map<String, Object> withOAuth2(Collection c, Map<String, Object> body, HttpServletRequest request) {
        limiter.check(request, c, null);
        Object createData = body.get("createData");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = createData instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        OAuth2SignIn.Outcome outcome = oauth2.authenticate(c, text(body, "provider"), text(body, "code"),
                text(body, "codeVerifier"), text(body, "redirectURL"), data, Caller.of(request));
        Map<String, Object> out = auth.signIn(c, outcome.row(), request, "oauth2",
                mfaId(request, body));
        out.put("meta", outcome.user().meta(outcome.isNew()));
        return expand.apply(c, out, request);
    }

    @PostMapping("/api/collections/{collection}/auth-refresh")
    ResponseEntity<Object> refresh(@PathVariable String collection, HttpServletRequest request) {
        Collection c = authCollection(collection);
        return hooked.run(AuthRequestInterceptor.Kind.AUTH_REFRESH, request, c, body -> {
            String refreshToken = text(body, "refreshToken");
            if (refreshToken != null && !refreshToken.isEmpty()) {
                return expand.apply(c, limiter.attempt(request, c, null, () -> auth.rotate(c, refreshToken)),
                        request);
            }
            return expand.apply(c, auth.refresh(c, AuthFilter.of(request)), request);
        });
    }

    @PostMapping("/api/collections/{collection}/auth-logout")
    ResponseEntity<Void> logout(@PathVariable String collection, HttpServletRequest request) {
        Collection c = authCollection(collection);
        String refreshToken = text(bodies.read(request), "refreshToken");
        AuthService.Authenticated current = AuthFilter.of(request);
        if (refreshToken != null && !refreshToken.isEmpty()) {
            if (!auth.logoutByRefreshToken(c, refreshToken)) {
                throw AuthErrors.REFRESH_TOKEN_INVALID.exception();
            }
        } else if (current != null && current.caller().collectionId().equals(c.id())) {
            sessions.revoke(current.sessionId(), "logout");
        } else {
            throw AuthErrors.TOKEN_INVALID.exception();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/collections/{collection}/impersonate/{id}")
    Map<String, Object> impersonate(@PathVariable String collection, @PathVariable String id,
                                    HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        Collection c = authCollection(collection);
        Object duration = bodies.read(request).get("duration");
        long seconds = 0;
        if (duration instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.longValue() >= 0 && n.longValue() <= MAX_IMPERSONATION_SECONDS) {
            seconds = n.longValue();
        } else if (duration != null) {
            throw AuthErrors.VALIDATION_FAILED.exception(Map.of("duration",
                    new FieldError("validation_invalid_range", "Must be a whole number of seconds between 0 and "
                            + MAX_IMPERSONATION_SECONDS + ".")));
        }
        return expand.apply(c, auth.impersonate(c, id, seconds, request.getHeader("User-Agent")), request);
    }

    /** The collection, if it is an auth collection; 404 otherwise. */
    static Collection authCollection(CollectionRegistry collections, String idOrName) {
        return collections.find(idOrName).filter(Collection::isAuth)
                .orElseThrow(AuthErrors.AUTH_COLLECTION_MISSING::exception);
    }

    private Collection authCollection(String idOrName) {
        return collections.find(idOrName).filter(Collection::isAuth)
                .orElseThrow(AuthErrors.AUTH_COLLECTION_MISSING::exception);
    }

    /** The {@code mfaId} of a second sign-in step, from the query (as the SDK sends it) or the body. */
    static String mfaId(HttpServletRequest request, Map<String, Object> body) {
        String query = request.getParameter("mfaId");
        return query != null && !query.isBlank() ? query : text(body, "mfaId");
    }

    static String text(Map<String, Object> body, String key) {
        Object v = body.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
