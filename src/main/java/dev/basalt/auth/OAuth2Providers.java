package dev.basalt.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves a collection's provider configuration: presets for Google, GitHub, GitLab and Microsoft (any URL the
 * configuration gives overrides the preset's), and generic OpenID Connect providers ({@code oidc},
 * {@code oidc2}, {@code oidc3}) by their URLs or by discovery from {@code extra.issuer}
 * ({@code /.well-known/openid-configuration}, cached for {@link #DISCOVERY_CACHE}).
 */
@Component
class OAuth2Providers {
    static final Duration DISCOVERY_CACHE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(OAuth2Providers.class);
    private static final int STATE_BYTES = 24;
    /** 32 random bytes: a 43-character PKCE verifier (RFC 7636 asks for 43 to 128). */
    private static final int VERIFIER_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, OAuth2Provider> PRESETS = Map.of(
            "google", new OAuth2Provider("google", "Google", "oidc", "", "",
                    "https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
                    "https://www.googleapis.com/oauth2/v3/userinfo", "openid email profile", true),
            "github", new OAuth2Provider("github", "GitHub", "github", "", "",
                    "https://github.com/login/oauth/authorize", "https://github.com/login/oauth/access_token",
                    "https://api.github.com/user", "read:user user:email", true),
            "gitlab", new OAuth2Provider("gitlab", "GitLab", "gitlab", "", "",
                    "https://gitlab.com/oauth/authorize", "https://gitlab.com/oauth/token",
                    "https://gitlab.com/api/v4/user", "read_user", true),
            "microsoft", new OAuth2Provider("microsoft", "Microsoft", "microsoft", "", "",
                    "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                    "https://login.microsoftonline.com/common/oauth2/v2.0/token",
                    "https://graph.microsoft.com/v1.0/me", "User.Read", true));
    private final OAuth2Client client;
    private final Cache<String, Map<String, Object>> discovered = Caffeine.newBuilder()
            .expireAfterWrite(DISCOVERY_CACHE).maximumSize(100).build();

    OAuth2Providers(OAuth2Client client) {
        this.client = client;
    }

    /** The provider a configuration describes; empty when an OpenID Connect issuer cannot be discovered. */
    Optional<OAuth2Provider> resolve(Map<String, Object> config) {
        String name = text(config, "name");
        OAuth2Provider preset = PRESETS.getOrDefault(name,
                new OAuth2Provider(name, "OpenID Connect", "oidc", "", "", "", "", "", "openid profile email", true));
        String authURL = or(text(config, "authURL"), preset.authURL());
        String tokenURL = or(text(config, "tokenURL"), preset.tokenURL());
        String userInfoURL = or(text(config, "userInfoURL"), preset.userInfoURL());
        if (config.get("extra") instanceof Map<?, ?> extra && extra.get("issuer") instanceof String issuer
                && (authURL.isEmpty() || tokenURL.isEmpty() || userInfoURL.isEmpty())) {
            Map<String, Object> doc = discover(issuer);
            if (doc == null) {
                return Optional.empty();
            }
            authURL = or(authURL, text(doc, "authorization_endpoint"));
            tokenURL = or(tokenURL, text(doc, "token_endpoint"));
            userInfoURL = or(userInfoURL, text(doc, "userinfo_endpoint"));
        }
        boolean pkce = config.get("pkce") instanceof Boolean b ? b : preset.pkce();
        return Optional.of(new OAuth2Provider(name, or(text(config, "displayName"), preset.displayName()),
                preset.kind(), text(config, "clientId"), text(config, "clientSecret"), authURL, tokenURL, userInfoURL,
                preset.scopes(), pkce));
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
