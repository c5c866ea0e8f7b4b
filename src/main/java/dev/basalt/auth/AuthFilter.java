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
 * {@link Caller} on the request. An invalid or expired token leaves the request anonymous, as in PocketBase.
 */
@Component
class AuthFilter extends OncePerRequestFilter {
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
            auth.authenticate(token).ifPresent(caller -> request.setAttribute(Caller.ATTRIBUTE, caller));
        }
        chain.doFilter(request, response);
    }
}
