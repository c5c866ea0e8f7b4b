package dev.basalt.auth;

import dev.basalt.shared.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the {@code Authorization} header (a token, with or without {@code Bearer }) and stores the
 * {@link Caller} on the request, and for the auth endpoints the verified token ({@link #AUTHENTICATED}). An
 * invalid, expired or revoked token leaves the request anonymous, as in PocketBase.
 */
@Component
class AuthFilter extends OncePerRequestFilter {
    /** Request attribute holding the {@link AuthService.Authenticated} token of the request, if any. */
    static final String AUTHENTICATED = AuthFilter.class.getName() + ".authenticated";
    private static final String BEARER = "Bearer ";
    private final AuthService auth;

    AuthFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && !header.isBlank()) {
            String token = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? header.substring(BEARER.length()).trim() : header.trim();
            auth.authenticate(token).ifPresent(a -> {
                request.setAttribute(Caller.ATTRIBUTE, a.caller());
                request.setAttribute(AUTHENTICATED, a);
            });
        }
        chain.doFilter(request, response);
    }

    /** The verified token of this request, or null. */
    static AuthService.Authenticated of(HttpServletRequest request) {
        return request.getAttribute(AUTHENTICATED) instanceof AuthService.Authenticated a ? a : null;
    }
}
