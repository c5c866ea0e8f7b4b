package dev.basalt.auth;

import dev.basalt.shared.Caller;
import dev.basalt.shared.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the {@code Authorization} header (a token, with or without {@code Bearer }) and stores the
 * {@link Caller} on the request, and for the auth endpoints the verified token ({@link #AUTHENTICATED}). An
 * invalid, expired or revoked token leaves the request anonymous, as in PocketBase. An API key (in
 * {@code X-API-Key}, or as the bearer token) sets {@link #API_KEY}, whose scopes {@link ApiKeyInterceptor}
 * enforces; an invalid key sets {@link #INVALID_API_KEY} and the request is refused with 401. When the
 * credentials cannot be checked because the database is down, the request is answered 503 here.
 */
@Component
class AuthFilter extends OncePerRequestFilter {
    /** Request attribute holding the {@link AuthService.Authenticated} token of the request, if any. */
    static final String AUTHENTICATED = AuthFilter.class.getName() + ".authenticated";
    /** Request attribute holding the {@link ApiKeys.ApiKey} the request was made with, if any. */
    static final String API_KEY = AuthFilter.class.getName() + ".apiKey";
    /** Request attribute set when the request carried an API key that is not valid. */
    static final String INVALID_API_KEY = AuthFilter.class.getName() + ".invalidApiKey";
    private static final String BEARER = "Bearer ";
    private static final Logger log = LoggerFactory.getLogger(AuthFilter.class);
    private final AuthService auth;

    AuthFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String token = header == null || header.isBlank() ? null
                : header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : header.trim();
        String apiKey = request.getHeader("X-API-Key");
        if (apiKey == null && token != null && token.startsWith(ApiKeys.PREFIX)) {
            apiKey = token;
        }
        try {
            authenticate(request, token, apiKey);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.is(e)) {
                throw e;
            }
            // checking the credentials needs the database: answer like the controllers would, without a trace
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    DatabaseUnavailable.reason(e));
            DatabaseUnavailable.write(response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void authenticate(HttpServletRequest request, String token, String apiKey) {
        if (apiKey != null) {
            auth.authenticateApiKey(apiKey.trim()).ifPresentOrElse(k -> {
                request.setAttribute(Caller.ATTRIBUTE, k.caller());
                request.setAttribute(API_KEY, k.key());
            }, () -> request.setAttribute(INVALID_API_KEY, Boolean.TRUE));
        } else if (token != null) {
            auth.authenticate(token).ifPresent(a -> {
                request.setAttribute(Caller.ATTRIBUTE, a.caller());
                request.setAttribute(AUTHENTICATED, a);
            });
        }
    }

    /** The verified token of this request, or null. */
    static AuthService.Authenticated of(HttpServletRequest request) {
        return request.getAttribute(AUTHENTICATED) instanceof AuthService.Authenticated a ? a : null;
    }
}
