package dev.basalt.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small but real OpenID Connect provider on 127.0.0.1 for the OAuth2 tests: discovery, an authorization
 * endpoint that signs in the user named by {@code login_hint} (an email) and redirects with a code, a token
 * endpoint that checks the client credentials, the redirect URI and the PKCE verifier (S256) and answers with an
 * RS256 {@code id_token} signed by the key of its JWKS ({@code jwks_uri}), user info, and the users' avatar picture.
 * A {@code login_hint} starting with one of the {@code *_PREFIX} constants gets a bad {@code id_token} of that kind
 * (everything else in the flow stays valid), so that clients can test its refusal.
 */
public final class FakeOidcProvider implements AutoCloseable {
    public static final String CLIENT_ID = "basalt-test-client";
    public static final String CLIENT_SECRET = "basalt-test-secret";
    /** The PNG served as every user's {@code picture} ({@code <issuer>/avatar.png}). */
    public static final byte[] AVATAR = png();
    /** An {@code id_token} signed by a key that is not in the JWKS (same {@code kid}). */
    public static final String FORGED_PREFIX = "forged-";
    /** An {@code id_token} that expired an hour ago. */
    public static final String EXPIRED_PREFIX = "expired-";
    /** An {@code id_token} issued to another client. */
    public static final String WRONG_AUDIENCE_PREFIX = "wrongaud-";
    /** An {@code id_token} of another subject than the user info's. */
    public static final String OTHER_SUBJECT_PREFIX = "othersub-";
    private static final long ID_TOKEN_LIFETIME_MS = 600_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RSAKey key = rsaKey();
    private final RSAKey forger = rsaKey();
    private final HttpServer http;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile boolean emailVerified = true;

    private record Grant(String email, String challenge, String redirectUri) {
    }

    public FakeOidcProvider() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/.well-known/openid-configuration", e -> json(e, 200, Map.of(
                "issuer", issuer(),
                "authorization_endpoint", issuer() + "/authorize",
                "token_endpoint", issuer() + "/token",
                "userinfo_endpoint", issuer() + "/userinfo",
                "jwks_uri", issuer() + "/jwks")));
        http.createContext("/jwks", e -> json(e, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
        http.createContext("/authorize", this::authorize);
        http.createContext("/token", this::token);
        http.createContext("/userinfo", this::userInfo);
        http.createContext("/avatar.png", e -> {
            e.getResponseHeaders().add("Content-Type", "image/png");
            e.sendResponseHeaders(200, AVATAR.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(AVATAR);
            }
        });
        http.start();
    }

    /** The issuer URL (for discovery). */
    public String issuer() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Whether the provider vouches for the emails it reports (email_verified). */
    public void emailVerified(boolean verified) {
        this.emailVerified = verified;
    }

    private void authorize(HttpExchange e) throws IOException {
        Map<String, String> q = params(e.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method")) || q.get("login_hint") == null) {
            json(e, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(q.get("login_hint"), q.get("code_challenge"), q.get("redirect_uri")));
        String redirect = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + q.getOrDefault("state", "");
        e.getResponseHeaders().add("Location", redirect);
        e.sendResponseHeaders(302, -1);
        e.close();
    }

    private void token(HttpExchange e) throws IOException {
        Map<String, String> form = params(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        boolean ok = grant != null && CLIENT_ID.equals(form.get("client_id"))
                && CLIENT_SECRET.equals(form.get("client_secret"))
                && "authorization_code".equals(form.get("grant_type"))
                && grant.redirectUri().equals(form.get("redirect_uri"))
                && form.get("code_verifier") != null && grant.challenge().equals(s256(form.get("code_verifier")));
        if (!ok) {
            json(e, 400, Map.of("error", "invalid_grant"));
            return;
        }
        String accessToken = UUID.randomUUID().toString();
        tokens.put(accessToken, grant.email());
        json(e, 200, Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 3600,
                "refresh_token", "provider-refresh-" + accessToken, "id_token", idToken(grant.email())));
    }

    /** The signed id_token of the user: valid, or bad in the way the email's prefix asks for. */
    private String idToken(String email) {
        long now = System.currentTimeMillis();
        boolean expired = email.startsWith(EXPIRED_PREFIX);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
                .subject(email.startsWith(OTHER_SUBJECT_PREFIX) ? "sub-someone-else" : subject(email))
                .audience(email.startsWith(WRONG_AUDIENCE_PREFIX) ? "another-client" : CLIENT_ID)
                .issueTime(new Date(expired ? now - 2 * ID_TOKEN_LIFETIME_MS * 6 : now))
                .expirationTime(new Date(expired ? now - ID_TOKEN_LIFETIME_MS * 6 : now + ID_TOKEN_LIFETIME_MS))
                .claim("email", email).claim("email_verified", emailVerified).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(email.startsWith(FORGED_PREFIX) ? forger : key));
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static String subject(String email) {
        return "sub-" + email.toLowerCase();
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("fake-oidc-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void userInfo(HttpExchange e) throws IOException {
        String auth = e.getRequestHeaders().getFirst("Authorization");
        String email = auth == null ? null : tokens.get(auth.replaceFirst("^Bearer ", ""));
        if (email == null) {
            json(e, 401, Map.of("error", "invalid_token"));
            return;
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("sub", subject(email));
        user.put("name", "Name of " + email);
        user.put("preferred_username", email.substring(0, email.indexOf('@')).replaceAll("\\W", "_"));
        user.put("email", email);
        user.put("email_verified", emailVerified);
        user.put("picture", issuer() + "/avatar.png");
        json(e, 200, user);
    }

    private static void json(HttpExchange e, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        e.getResponseHeaders().add("Content-Type", "application/json");
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] png() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
