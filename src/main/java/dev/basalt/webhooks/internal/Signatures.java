package dev.basalt.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Basalt-Signature} header: {@code sha256=} and the hex HMAC-SHA256, keyed with the webhook's secret,
 * of {@code <X-Basalt-Timestamp>.<raw body>}. Signing the timestamp with the body lets a receiver reject a
 * captured request replayed later, since the timestamp cannot be changed without the secret.
 */
final class Signatures {
    static final String ALGORITHM = "HmacSHA256";
    static final String PREFIX = "sha256=";

    private Signatures() {
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
