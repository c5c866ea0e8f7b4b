package dev.basalt.auth;

import dev.basalt.settings.SealedParams;
import dev.basalt.shared.DataRestored;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The application's token signing secret, generated once and kept in {@code _params} so that every node of a
 * cluster and every restart signs and verifies with the same secret (encrypted there when a key is set).
 */
@Component
class TokenSecret {
    private static final int RANDOM_BYTES = 48;
    private final SealedParams params;
    private volatile String secret;

    TokenSecret(SealedParams params) {
        this.params = params;
    }

    String get() {
        String s = secret;
        if (s == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = loadOrCreate();
                }
                s = secret;
            }
        }
        return s;
    }

    /** A restore replaced {@code _params}: read the secret again on next use. */
    @EventListener
    void restored(DataRestored event) {
        secret = null;
    }

    private String loadOrCreate() {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String fresh = Base64.getEncoder().withoutPadding().encodeToString(random);
        // Base64 needs no JSON escaping; the first node to store a secret wins, the others read it.
        params.writeIfAbsent(SealedParams.TOKEN_SECRET, "\"" + fresh + "\"");
        String stored = params.read(SealedParams.TOKEN_SECRET);
        return stored.substring(1, stored.length() - 1);
    }
}
