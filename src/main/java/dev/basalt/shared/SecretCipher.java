package dev.basalt.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets kept in the database (AES-256-GCM, a fresh random 12-byte nonce per value) when an encryption key
 * is configured, as PocketBase's {@code --encryptionEnv} does for its settings. A sealed value reads
 * {@code enc:v1:<base64 of nonce, ciphertext and tag>}, so plain and sealed values can be told apart. Each value is
 * bound to a context (its {@code _params} key) as associated data: a sealed value copied to another key does not open.
 */
public final class SecretCipher {
    /** The variable holding the key when {@code --encryptionEnv} names none. */
    public static final String DEFAULT_KEY_VARIABLE = "BASALT_ENCRYPTION_KEY";
    /** The prefix of a sealed value; the version names the algorithm and layout. */
    public static final String PREFIX = "enc:v1:";
    /** AES-256: 32 bytes, given as 32 characters (PocketBase's key format). */
    static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String variable;

    private SecretCipher(SecretKeySpec key, String variable) {
        this.key = key;
        this.variable = variable;
    }

    /** No key: values are stored plain, and a sealed value cannot be read. */
    public static SecretCipher none() {
        return new SecretCipher(null, DEFAULT_KEY_VARIABLE);
    }

    /**
     * The cipher for a key read from {@code variable}.
     *
     * @throws Failure when the key is not 32 characters (ASCII, so 32 bytes)
     */
    public static SecretCipher of(String variable, String keyText) {
        byte[] bytes = keyText.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != KEY_LENGTH || bytes.length != keyText.length()) {
            throw new Failure("Invalid configuration: " + variable + " must hold a key of exactly " + KEY_LENGTH
                    + " ASCII characters (it has " + keyText.length() + ").");
        }
        SecretCipher cipher = new SecretCipher(new SecretKeySpec(bytes, "AES"), variable);
        Arrays.fill(bytes, (byte) 0);
        return cipher;
    }

    /** True when a key is configured, so values are written sealed. */
    public boolean enabled() {
        return key != null;
    }

    /** The environment variable the key comes from (or would come from), for messages. */
    public String variable() {
        return variable;
    }

    /** True when {@code stored} is a sealed value rather than a plain one. */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Seals {@code plain} for {@code context}; requires a key. */
    public String seal(String plain, String context) {
        if (key == null) {
            throw new IllegalStateException("no encryption key configured");
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_LENGTH + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
            System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens a value written by {@link #seal} for the same {@code context}.
     *
     * @throws Failure without a key, with the wrong key, or when the value was altered
     */
    public String open(String sealed, String context) {
        if (key == null) {
            throw new Failure("The stored secrets ('" + context + "' in _params) are encrypted, but no encryption key "
                    + "is set: start Basalt with the key in " + DEFAULT_KEY_VARIABLE + " (or the variable named by "
                    + "--encryptionEnv).");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            data = new byte[0];
        }
        if (data.length < NONCE_LENGTH + TAG_BITS / Byte.SIZE) {
            throw wrongKey(context);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_LENGTH));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, NONCE_LENGTH, data.length - NONCE_LENGTH), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw wrongKey(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Failure wrongKey(String context) {
        return new Failure("Cannot decrypt the stored secrets ('" + context + "' in _params) with the key in "
                + variable + ": it is not the key they were encrypted with (or the value was altered).");
    }

    /** Why secrets cannot be read or the key is unusable: one line, safe to print (never contains a key). */
    public static final class Failure extends IllegalStateException {
        public Failure(String message) {
            super(message);
        }
    }
}
