package dev.basalt.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Finds the encryption key for secrets at rest: in the variable named by {@code --encryptionEnv}
 * ({@code basalt.encryption-env}), which must then be set, or else in {@code BASALT_ENCRYPTION_KEY} when that is set.
 * Neither: secrets are stored plain, as PocketBase does without {@code --encryptionEnv}.
 */
@Configuration(proxyBeanMethods = false)
class SecretCipherConfiguration {

    @Bean
    SecretCipher secretCipher(Environment environment, @Value("${basalt.encryption-env:}") String named) {
        // Read through the Environment (system environment included), so tests can pass the key as an argument.
        if (!named.isBlank()) {
            String key = environment.getProperty(named.strip());
            if (key == null || key.isEmpty()) {
                throw new SecretCipher.Failure("Invalid configuration: --encryptionEnv names " + named.strip()
                        + ", which is not set (it must hold the 32-character encryption key).");
            }
            return SecretCipher.of(named.strip(), key);
        }
        String key = environment.getProperty(SecretCipher.DEFAULT_KEY_VARIABLE);
        return key == null || key.isEmpty() ? SecretCipher.none()
                : SecretCipher.of(SecretCipher.DEFAULT_KEY_VARIABLE, key);
    }
}
