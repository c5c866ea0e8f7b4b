package dev.basalt.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the user of one OAuth2 sign-in: the provider's calls made with its access token (user info, the
 * secondary email lists, GraphQL queries), then the provider's {@link ProviderSpec} mapping and quirks.
 */
final class ProviderCall {
    /** Largest provider answer read, in characters (user infos are a few kB). */
    static final int MAX_BODY_CHARS = 1_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(OAuth2Client.TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Transport NETWORK = ProviderCall::network;
    private final OAuth2Provider provider;
    private final Map<String, Object> token;
    private final Transport transport;

    /** Sends a request; tests replace the network with canned answers. */
    @FunctionalInterface
    interface Transport {
        Answer send(HttpRequest request) throws IOException, InterruptedException;
    }

    /** A status and body. */
    record Answer(int status, String body) {
    }

    ProviderCall(OAuth2Provider provider, Map<String, Object> token, Transport transport) {
        this.provider = provider;
        this.token = token;
        this.transport = transport;
    }

    /** The user the token response belongs to, as the provider's catalogue entry reads it. */
    static OAuth2User read(OAuth2Provider provider, Map<String, Object> token) {
        return new ProviderCall(provider, token, NETWORK).user();
    }

    OAuth2User user() {
        ProviderSpec spec = ProviderCatalogue.spec(provider.kind());
        Map<String, Object> raw = spec.source().fetch(this);
        UserDraft draft = spec.mapping().apply(raw);
        spec.quirk().adjust(this, raw, draft);
        UserInfoIdTokens.check(this, draft);
        if (!draft.active) {
            throw new OAuth2Client.ProviderException(provider.name() + " reports the account as not active");
        }
        return draft.toUser(raw, token);
    }

    OAuth2Provider provider() {
        return provider;
    }

    /** A value of the token response ({@code id_token}, VK's {@code email}, ...). */
    Object tokenValue(String key) {
        return token.get(key);
    }

    /** The default source: GET of the user-info URL. */
    Map<String, Object> userInfo() {
        return object(get(provider.userInfoURL(), Map.of(), false));
    }

    /** GET of the user-info URL with extra headers (client ids, API versions). */
    Map<String, Object> userInfo(Map<String, String> headers) {
        return object(get(provider.userInfoURL(), headers, false));
    }

    /** POST of a JSON body (GraphQL) to the user-info URL. */
    Map<String, Object> postUserInfo(String jsonBody) {
        HttpRequest request = authorized(provider.userInfoURL(), Map.of("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build();
        return object(send(request, false));
    }

    /** GET of a secondary resource (email lists); null when the provider refuses it (4xx), as PocketBase. */
    Object optional(String url) {
        return get(url, Map.of(), true);
    }

    /**
     * The claims of the token response's {@code id_token}, validated as {@link IdTokenClaims#claims} describes (the
     * signature only when a key set URL is given).
     */
    Map<String, Object> idTokenClaims(String jwksURL, List<String> issuers, boolean expiryRequired) {
        String idToken = token.get("id_token") instanceof String s ? s : "";
        return IdTokenClaims.claims(idToken, provider.clientId(), jwksURL, issuers, expiryRequired, this::anonymous);
    }

    /** The JSON object at a URL fetched without the token (key sets). */
    Map<String, Object> anonymous(String url) {
        return object(send(HttpRequest.newBuilder(uri(url)).timeout(OAuth2Client.TIMEOUT)
                .header("Accept", "application/json").GET().build(), false));
    }

    private Object get(String url, Map<String, String> headers, boolean optional) {
        return send(authorized(url, headers).GET().build(), optional);
    }

    private HttpRequest.Builder authorized(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(url)).timeout(OAuth2Client.TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + (token.get("access_token") instanceof String s ? s : ""));
        headers.forEach(b::header);
        return b;
    }

    private Object send(HttpRequest request, boolean optional) {
        String host = request.uri().getHost();
        try {
            Answer a = transport.send(request);
            if (optional && a.status() / 100 == 4) {
                return null;
            }
            if (a.status() / 100 != 2) {
                throw new OAuth2Client.ProviderException(host + " answered " + a.status());
            }
            if (a.body().length() > MAX_BODY_CHARS) {
                throw new OAuth2Client.ProviderException(host + " answered too much");
            }
            return JSON.readValue(a.body(), Object.class);
        } catch (IOException | JacksonException e) {
            throw new OAuth2Client.ProviderException(host + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuth2Client.ProviderException("interrupted");
        }
    }

    private static Answer network(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    private Map<String, Object> object(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new OAuth2Client.ProviderException(provider.name() + ": expected a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static URI uri(String url) {
        try {
            URI u = URI.create(url == null ? "" : url);
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
                throw new OAuth2Client.ProviderException("not an http(s) URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new OAuth2Client.ProviderException("invalid URL");
        }
    }
}
