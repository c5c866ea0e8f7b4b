package dev.basalt.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of OAuth2: exchanges an authorization code (with its PKCE verifier) for tokens at the provider's
 * token endpoint ({@code client_secret_post}); the user is read as the provider's {@link ProviderCatalogue} entry
 * says ({@link ProviderCall}).
 */
@Component
class OAuth2Client {
    /** Connect and response timeout of calls to providers. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY_CHARS = 1_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A provider call failed; the message is safe to log, not meant for clients. */
    static final class ProviderException extends RuntimeException {
        ProviderException(String message) {
            super(message);
        }
    }

    /** Exchanges the code; returns the token response ({@code access_token}, ...). */
    Map<String, Object> exchange(OAuth2Provider p, String code, String codeVerifier, String redirectURL) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectURL == null ? "" : redirectURL);
        form.put("client_id", p.clientId());
        form.put("client_secret", p.clientSecret());
        if (p.pkce() && codeVerifier != null && !codeVerifier.isEmpty()) {
            form.put("code_verifier", codeVerifier);
        }
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri(p.tokenURL())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Map<String, Object> token = asObject(send(request));
        if (!(token.get("access_token") instanceof String s) || s.isEmpty()) {
            throw new ProviderException("the token response has no access_token");
        }
        return token;
    }

    /** The user the access token belongs to, read as the provider's {@link ProviderCatalogue} entry says. */
    OAuth2User user(OAuth2Provider p, Map<String, Object> token) {
        return ProviderCall.read(p, token);
    }

    /** GETs a JSON object, with a bearer token when given. */
    Map<String, Object> getJson(String url, String bearer) {
        return asObject(getAny(url, bearer));
    }

    private Object getAny(String url, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(url)).timeout(TIMEOUT).header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return send(b.GET().build());
        } catch (ProviderException e) {
            if (bearer != null && url.endsWith("/emails")) {
                return null;
            }
            throw e;
        }
    }

    private Object send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new ProviderException(request.uri().getHost() + " answered " + r.statusCode());
            }
            String body = r.body();
            if (body.length() > MAX_BODY_CHARS) {
                throw new ProviderException(request.uri().getHost() + " answered too much");
            }
            return JSON.readValue(body, Object.class);
        } catch (IOException | JacksonException e) {
            throw new ProviderException(request.uri().getHost() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted");
        }
    }

    private static Map<String, Object> asObject(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new ProviderException("expected a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static URI uri(String url) {
        try {
            URI u = URI.create(url);
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
                throw new ProviderException("not an http(s) URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new ProviderException("invalid URL");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
