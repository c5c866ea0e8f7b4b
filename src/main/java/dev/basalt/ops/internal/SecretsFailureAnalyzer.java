package dev.basalt.ops.internal;

import dev.basalt.shared.OneLineFailureAnalyzer;
import dev.basalt.shared.SecretCipher;

/**
 * Reports an unusable encryption key or stored secrets that cannot be decrypted as the one line they carry,
 * instead of Spring's bean-creation stack trace (registered in {@code META-INF/spring.factories}).
 */
public final class SecretsFailureAnalyzer extends OneLineFailureAnalyzer<SecretCipher.Failure> {
    public SecretsFailureAnalyzer() {
        super(SecretCipher.Failure.class, "Give the 32-character key the stored secrets were encrypted with (if any) "
                + "in " + SecretCipher.DEFAULT_KEY_VARIABLE + " or in the variable named by --encryptionEnv, and start "
                + "Basalt again.");
    }
}
