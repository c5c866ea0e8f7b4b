package dev.basalt.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing of stored secrets: format, fresh nonces, authentication and key checks. */
class SecretCipherTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private final SecretCipher cipher = SecretCipher.of("BASALT_ENCRYPTION_KEY", KEY);

    @Test
    void aSealedValueIsPrefixedBase64OfNonceCiphertextAndTagAndOpensAgain() {
        String sealed = cipher.seal("{\"smtp\":{\"password\":\"hunter2\"}}", "settings");

        assertThat(sealed).startsWith("enc:v1:").doesNotContain("hunter2");
        assertThat(SecretCipher.isSealed(sealed)).isTrue();
        assertThat(SecretCipher.isSealed("{\"smtp\":{}}")).isFalse();
        byte[] raw = Base64.getDecoder().decode(sealed.substring("enc:v1:".length()));
        assertThat(raw).hasSize(12 + 31 + 16);
        assertThat(cipher.open(sealed, "settings")).isEqualTo("{\"smtp\":{\"password\":\"hunter2\"}}");
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertThat(cipher.seal("same", "tokenSecret")).isNotEqualTo(cipher.seal("same", "tokenSecret"));
    }

    @Test
    void aWrongKeyAnAlteredValueOrAnotherContextDoNotOpen() {
        String sealed = cipher.seal("secret", "tokenSecret");
        SecretCipher other = SecretCipher.of("OTHER_KEY", "fedcba9876543210fedcba9876543210");

        assertThatThrownBy(() -> other.open(sealed, "tokenSecret")).isInstanceOf(SecretCipher.Failure.class)
                .hasMessage("Cannot decrypt the stored secrets ('tokenSecret' in _params) with the key in OTHER_KEY: "
                        + "it is not the key they were encrypted with (or the value was altered).");
        assertThatThrownBy(() -> cipher.open(sealed, "settings")).isInstanceOf(SecretCipher.Failure.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring("enc:v1:".length()));
        raw[raw.length - 1] ^= 1;
        String altered = "enc:v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.open(altered, "tokenSecret")).isInstanceOf(SecretCipher.Failure.class);
        assertThatThrownBy(() -> cipher.open("enc:v1:%%%", "tokenSecret")).isInstanceOf(SecretCipher.Failure.class);
    }

    @Test
    void withoutAKeyASealedValueCannotBeRead() {
        String sealed = cipher.seal("secret", "settings");

        assertThat(SecretCipher.none().enabled()).isFalse();
        assertThatThrownBy(() -> SecretCipher.none().open(sealed, "settings"))
                .isInstanceOf(SecretCipher.Failure.class).hasMessageStartingWith(
                        "The stored secrets ('settings' in _params) are encrypted, but no encryption key is set");
    }

    @Test
    void theKeyMustBe32AsciiCharacters() {
        assertThatThrownBy(() -> SecretCipher.of("BASALT_ENCRYPTION_KEY", "short"))
                .isInstanceOf(SecretCipher.Failure.class).hasMessage("Invalid configuration: BASALT_ENCRYPTION_KEY "
                        + "must hold a key of exactly 32 ASCII characters (it has 5).")
                .message().doesNotContain("short");
        assertThatThrownBy(() -> SecretCipher.of("K", "é".repeat(32))).isInstanceOf(SecretCipher.Failure.class);
    }
}
