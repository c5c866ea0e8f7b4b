package dev.basalt.ops.internal;

import dev.basalt.shared.SecretCipher;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Reports an unusable encryption key or stored secrets that cannot be decrypted as the one line they carry,
 * instead of Spring's bean-creation stack trace (registered in {@code META-INF/spring.factories}).
 */
public final class SecretsFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SecretCipher.Failure secrets) {
                return new FailureAnalysis(secrets.getMessage(), "Give the 32-character key the stored secrets were "
                        + "encrypted with (if any) in " + SecretCipher.DEFAULT_KEY_VARIABLE
                        + " or in the variable named by --encryptionEnv, and start Basalt again.", secrets);
            }
        }
        return null;
    }
}
