package dev.basalt.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies PocketBase-style auth tokens: HS256 JWTs with {@code id}, {@code collectionId},
 * {@code type=auth}, {@code refreshable} and Basalt's session id {@code sid}, signed with a key derived from the
 * record's {@code tokenKey} and the application secret, so a password change (a new tokenKey) invalidates every
 * earlier token.
 * <p>
 * Every authenticated request presents its token again, and parsing it twice (claims, then signature) plus the HMAC
 * was about a tenth of an authenticated record read's CPU. So the claims of auth tokens are kept after the first
 * parse, with the {@code tokenKey} and secret their signature was last verified with: the same token string
 * verified against the same key and secret needs no second HMAC (a new tokenKey or a restored secret verifies
 * afresh), and the expiry is compared with the clock on every use.
 */
@Component
class AuthTokens {
    /** The claims a token names before its signature is checked. */
    record Subject(String id, String collectionId, String sessionId, boolean refreshable) {
    }

    /** Parsed auth tokens kept; beyond it the least used are parsed again. */
    static final int MAX_PARSED_TOKENS = 10_000;
    /** A parsed token unused this long is dropped. */
    static final Duration PARSED_TOKEN_IDLE = Duration.ofMinutes(10);

    /** An auth token's claims; {@code verifiedKey} and {@code verifiedSecret} (null before) checked its signature. */
    private record Parsed(Subject subject, long expiresAt, String verifiedKey, String verifiedSecret) {
    }

    private final TokenSecret secret;
    private final Clock clock;
    private final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumSize(MAX_PARSED_TOKENS)
            .expireAfterAccess(PARSED_TOKEN_IDLE).build();

    AuthTokens(TokenSecret secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    String issue(String recordId, String collectionId, String tokenKey, long seconds, String sessionId,
                 boolean refreshable) {
        long now = clock.millis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("id", recordId)
                .claim("collectionId", collectionId)
                .claim("type", "auth")
                .claim("refreshable", refreshable)
                .claim("sid", sessionId)
                .expirationTime(new Date(now + seconds * 1000))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(key(tokenKey)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign token", e);
        }
    }

    /**
     * A single-purpose token of another {@code type} (e.g. {@code verification}, {@code passwordReset},
     * {@code emailChange}) for a record, with extra string claims; it can never pass as an auth token.
     */
    String issueAction(String type, String recordId, String collectionId, String tokenKey, long seconds,
                       Map<String, String> extra) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim("id", recordId)
                .claim("collectionId", collectionId)
                .claim("type", type)
                .expirationTime(new Date(clock.millis() + seconds * 1000));
        extra.forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    claims.build());
            jwt.sign(new MACSigner(key(tokenKey)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign token", e);
        }
    }

    /** The unverified string claims of a token of this type that names a record and collection, if well formed. */
    Optional<Map<String, String>> peekAction(String token, String type) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            if (!type.equals(claims.getClaim("type")) || !(claims.getClaim("id") instanceof String)
                    || !(claims.getClaim("collectionId") instanceof String)) {
                return Optional.empty();
            }
            Map<String, String> out = new HashMap<>();
            claims.getClaims().forEach((k, v) -> {
                if (v instanceof String text) {
                    out.put(k, text);
                }
            });
            return Optional.of(out);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The unverified subject of a token, or empty when it is not a well-formed auth token. */
    Optional<Subject> peek(String token) {
        Parsed known = parsed.getIfPresent(token);
        if (known != null) {
            return Optional.of(known.subject());
        }
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            Object id = claims.getClaim("id");
            Object collectionId = claims.getClaim("collectionId");
            Object sessionId = claims.getClaim("sid");
            Date exp = claims.getExpirationTime();
            if (!"auth".equals(claims.getClaim("type")) || !(id instanceof String i) || !(collectionId instanceof String c)
                    || !(sessionId instanceof String sid) || exp == null) {
                return Optional.empty();
            }
            Subject subject = new Subject(i, c, sid, Boolean.TRUE.equals(claims.getClaim("refreshable")));
            parsed.put(token, new Parsed(subject, exp.getTime(), null, null));
            return Optional.of(subject);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when the token is signed for this record's tokenKey, uses HS256 and has not expired. */
    boolean verify(String token, String tokenKey) {
        String currentSecret = secret.get();
        Parsed known = parsed.getIfPresent(token);
        if (known != null && tokenKey != null && tokenKey.equals(known.verifiedKey())
                && currentSecret.equals(known.verifiedSecret())) {
            return known.expiresAt() > clock.millis();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(key(tokenKey, currentSecret)))) {
                return false;
            }
            Date exp = jwt.getJWTClaimsSet().getExpirationTime();
            if (known != null) { // an auth token already parsed by peek: remember what verified it
                parsed.put(token, new Parsed(known.subject(), known.expiresAt(), tokenKey, currentSecret));
            }
            return exp != null && exp.getTime() > clock.millis();
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    private byte[] key(String tokenKey) {
        return key(tokenKey, secret.get());
    }

    private static byte[] key(String tokenKey, String secret) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((tokenKey + secret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
