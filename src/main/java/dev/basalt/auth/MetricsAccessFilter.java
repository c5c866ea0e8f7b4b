package dev.basalt.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the Prometheus endpoint: {@code /metrics} shows the working directory, the JDK and sign-in failure
 * counts, so it answers only a superuser's token or, for scrapers, {@code Authorization: Bearer <token>} with the
 * token of {@code BASALT_METRICS_TOKEN} (Prometheus' {@code authorization} scrape option sends exactly that).
 * Anyone else gets PocketBase's 401 JSON.
 */
@Component
class MetricsAccessFilter extends OncePerRequestFilter {
    static final String PATH = "/metrics";
    private static final String BEARER = "Bearer ";
    private static final String DENIED = "{\"status\":401,\"message\":"
            + "\"The request requires a superuser or the metrics token.\",\"data\":{}}";
    private final AuthService auth;
    private final byte[] metricsToken;

    MetricsAccessFilter(AuthService auth, @Value("${basalt.metrics-token:}") String metricsToken) {
        this.auth = auth;
        this.metricsToken = metricsToken.isBlank() ? null : metricsToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (allowed(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.getOutputStream().write(DENIED.getBytes(StandardCharsets.UTF_8));
    }

    private boolean allowed(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String token = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : header.trim();
        if (metricsToken != null
                && MessageDigest.isEqual(metricsToken, token.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        return auth.authenticate(token).map(a -> a.caller().superuser()).orElse(false);
    }
}
