package dev.basalt.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.basalt.records.RequestBodies;
import dev.basalt.shared.Caller;
import dev.basalt.shared.ValidationErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's {@code POST /api/settings/apple/generate-client-secret} (superusers): signs the ES256 JWT that
 * "Sign in with Apple" takes as the OAuth2 client secret, from the team id, key id, service id and the PKCS#8
 * private key Apple issued. Nothing is stored; the dashboard copies the answer into the provider's settings.
 */
@RestController
class AppleClientSecretController {
    /** Apple's audience for client secrets. */
    private static final String AUDIENCE = "https://appleid.apple.com";
    /** Team and key ids are Apple's 10-character identifiers. */
    private static final int APPLE_ID_LENGTH = 10;
    /** Apple refuses client secrets valid for more than about six months (PocketBase's limit, in seconds). */
    private static final long MAX_DURATION_SECONDS = 15_777_000;
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([\\s\\S]+?)-----END PRIVATE KEY-----");
    private final RequestBodies bodies;
    private final Clock clock;

    AppleClientSecretController(RequestBodies bodies, Clock clock) {
        this.bodies = bodies;
        this.clock = clock;
    }

    @PostMapping("/api/settings/apple/generate-client-secret")
    Map<String, String> generate(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        Map<String, Object> body = bodies.read(request);
        String clientId = text(body.get("clientId"));
        String teamId = text(body.get("teamId"));
        String keyId = text(body.get("keyId"));
        String privateKey = text(body.get("privateKey"));
        long duration = body.get("duration") instanceof Number n ? n.longValue() : 0;
        ValidationErrors errors = new ValidationErrors();
        required(errors, "clientId", clientId);
        appleId(errors, "teamId", teamId);
        appleId(errors, "keyId", keyId);
        Matcher pem = PRIVATE_KEY.matcher(privateKey);
        if (privateKey.isEmpty()) {
            required(errors, "privateKey", privateKey);
        } else if (!pem.find()) {
            errors.add("privateKey", "validation_match_invalid", "Must be in a valid format.");
        }
        if (duration == 0) {
            errors.add("duration", "validation_required", "Cannot be blank.");
        } else if (duration < 1) {
            errors.add("duration", "validation_min_greater_equal_than_required", "Must be no less than 1.");
        } else if (duration > MAX_DURATION_SECONDS) {
            errors.add("duration", "validation_max_less_equal_than_required",
                    "Must be no greater than " + MAX_DURATION_SECONDS + ".");
        }
        errors.throwIfAny(AuthErrors.APPLE_SECRET_INVALID);
        return Map.of("secret", sign(clientId, teamId, keyId, pem.group(1), duration));
    }

    private String sign(String clientId, String teamId, String keyId, String base64Key, long duration) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(AUDIENCE).subject(clientId).issuer(teamId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(duration)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(), claims);
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64Key.trim());
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            jwt.sign(new ECDSASigner(key));
        } catch (GeneralSecurityException | JOSEException | IllegalArgumentException | ClassCastException e) {
            // Not an EC key of a curve ES256 signs with (or not DER at all): the caller's input, so a 400.
            throw AuthErrors.APPLE_SECRET_FAILED.exception();
        }
        return jwt.serialize();
    }

    private static void required(ValidationErrors errors, String field, String value) {
        if (value.isEmpty()) {
            errors.add(field, "validation_required", "Cannot be blank.");
        }
    }

    private static void appleId(ValidationErrors errors, String field, String value) {
        if (value.isEmpty()) {
            required(errors, field, value);
        } else if (value.length() != APPLE_ID_LENGTH) {
            errors.add(field, "validation_length_invalid", "The length must be exactly " + APPLE_ID_LENGTH + ".");
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s.trim() : "";
    }
}
