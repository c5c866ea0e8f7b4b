package dev.basalt.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves a collection's provider configuration against the {@link ProviderCatalogue} (any URL, display name
 * or {@code pkce} the configuration gives overrides the catalogue's); providers without endpoints of their own
 * (generic OpenID Connect, mailcow) take them from the configuration or by discovery from {@code extra.issuer}
 * ({@code /.well-known/openid-configuration}, cached for {@link #DISCOVERY_CACHE}), whose {@code jwks_uri} and
 * {@code issuer} then check the {@code id_token} unless {@code extra.jwksURL} and {@code extra.issuers} are given.
 */
@Component
class OAuth2Providers {
    static final Duration DISCOVERY_CACHE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(OAuth2Providers.class);
    private static final int STATE_BYTES = 24;
    /** 32 random bytes: a 43-character PKCE verifier (RFC 7636 asks for 43 to 128). */
    private static final int VERIFIER_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final OAuth2Client client;
    private final Cache<String, Map<String, Object>> discovered = Caffeine.newBuilder()
            .expireAfterWrite(DISCOVERY_CACHE).maximumSize(100).build();

    OAuth2Providers(OAuth2Client client) {
        this.client = client;
    }

    /** The provider a configuration describes; empty when an OpenID Connect issuer cannot be discovered. */
    Optional<OAuth2Provider> resolve(Map<String, Object> config) {
        String name = text(config, "name");
        ProviderSpec spec = ProviderCatalogue.spec(name);
        String authURL = or(text(config, "authURL"), spec.authURL());
        String tokenURL = or(text(config, "tokenURL"), spec.tokenURL());
        String userInfoURL = or(text(config, "userInfoURL"), spec.userInfoURL());
        Map<String, Object> extra = new LinkedHashMap<>();
        if (config.get("extra") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> {
                if (v != null) {
                    extra.put(String.valueOf(k), v);
                }
            });
        }
        if (extra.get("issuer") instanceof String issuer
                && (authURL.isEmpty() || tokenURL.isEmpty() || userInfoURL.isEmpty())) {
            Map<String, Object> doc = discover(issuer);
            if (doc == null) {
                return Optional.empty();
            }
            authURL = or(authURL, text(doc, "authorization_endpoint"));
            tokenURL = or(tokenURL, text(doc, "token_endpoint"));
            userInfoURL = or(userInfoURL, text(doc, "userinfo_endpoint"));
            // The discovered keys and issuer check the id_token unless the settings name their own.
            if (!text(doc, "jwks_uri").isEmpty()) {
                extra.putIfAbsent("jwksURL", text(doc, "jwks_uri"));
            }
            if (!text(doc, "issuer").isEmpty()) {
                extra.putIfAbsent("issuers", List.of(text(doc, "issuer")));
            }
        }
        List<String> scopes = new ArrayList<>(spec.scopes());
        // As PocketBase: Microsoft's email from the id_token needs the openid scope.
        if (extra.get("idTokenEmailClaim") instanceof String claim && !claim.isEmpty() && !scopes.contains("openid")) {
            scopes.add("openid");
        }
        boolean pkce = config.get("pkce") instanceof Boolean b ? b : spec.pkce();
        // oidc, oidc2 and oidc3 share one definition; their kind stays "oidc" as code outside the catalogue expects.
        String kind = spec.name().startsWith("oidc") ? "oidc" : spec.name();
        return Optional.of(new OAuth2Provider(name, or(text(config, "displayName"), spec.displayName()),
                kind, text(config, "clientId"), text(config, "clientSecret"), authURL, tokenURL, userInfoURL,
                String.join(" ", scopes), pkce, extra));
    }

    /**
     * PocketBase's provider entry of {@code auth-methods}: a fresh {@code state} and PKCE pair, and the
     * {@code authURL} with every parameter but the redirect URI, which the client appends.
     */
    static Map<String, Object> authInfo(OAuth2Provider p) {
        String state = random(STATE_BYTES);
        String verifier = p.pkce() ? random(VERIFIER_BYTES) : "";
        String challenge = p.pkce() ? base64(sha256(verifier)) : "";
        StringBuilder url = new StringBuilder(p.authURL()).append(p.authURL().contains("?") ? "&" : "?")
                .append("client_id=").append(enc(p.clientId()))
                .append("&response_type=code")
                .append("&scope=").append(enc(p.scopes()))
                .append("&state=").append(enc(state));
        if (p.pkce()) {
            url.append("&code_challenge=").append(challenge).append("&code_challenge_method=S256");
        }
        url.append("&redirect_uri=");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", p.name());
        info.put("displayName", p.displayName());
        info.put("logo", OAuth2ProviderList.monogram(ProviderCatalogue.spec(p.name()).displayName()));
        info.put("state", state);
        info.put("authURL", url.toString());
        info.put("authUrl", url.toString());
        info.put("codeVerifier", verifier);
        info.put("codeChallenge", challenge);
        info.put("codeChallengeMethod", p.pkce() ? "S256" : "");
        return info;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return base64(b);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Map<String, Object> discover(String issuer) {
        Map<String, Object> doc = discovered.getIfPresent(issuer);
        if (doc == null) {
            try {
                doc = client.getJson(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration", null);
                discovered.put(issuer, doc);
            } catch (OAuth2Client.ProviderException e) {
                log.warn("OpenID Connect discovery of {} failed: {}", issuer, e.getMessage());
                return null;
            }
        }
        return doc;
    }

    private static String text(Map<String, ?> m, String key) {
        return m.get(key) instanceof String s ? s.trim() : "";
    }

    private static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
