package dev.basalt.settings;

import dev.basalt.shared.SecretCipher;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The secret values of {@code _params} (the token secret and the settings), read and written as JSON text. With an
 * encryption key each value is stored sealed, as the JSON string {@code "enc:v1:..."} ({@link SecretCipher});
 * without one, plain. On start, before the server listens, {@link SecretsCheck} checks every secret value: plain ones
 * are sealed when a key is set, and a sealed one that cannot be opened (no key, wrong key) stops the start.
 */
@Component
public class SealedParams {
    /** The {@code _params} keys whose values are secret. */
    public static final String TOKEN_SECRET = "tokenSecret";
    /** The settings, with the SMTP password. */
    public static final String SETTINGS = "settings";
    private static final List<String> SECRET_KEYS = List.of(TOKEN_SECRET, SETTINGS);
    private static final Logger log = LoggerFactory.getLogger(SealedParams.class);
    private static final Table<?> PARAMS = DSL.table(DSL.name("_params"));
    private static final Field<String> KEY = DSL.field(DSL.name("key"), SQLDataType.CLOB);
    private static final Field<JSONB> VALUE = DSL.field(DSL.name("value"), SQLDataType.JSONB);
    private static final Field<Object> UPDATED = DSL.field(DSL.name("updated"));
    private final DSLContext dsl;
    private final ObjectProvider<SecretCipher> ciphers;

    /**
     * The cipher is looked up on first use: the auth filter needs this class while the web server initializes, and a
     * bad key found then would be reported by Tomcat with stack traces instead of the one line of a normal failure.
     */
    public SealedParams(DSLContext dsl, ObjectProvider<SecretCipher> ciphers) {
        this.dsl = dsl;
        this.ciphers = ciphers;
    }

    /** The plain JSON of {@code key}, or null when it was never stored. */
    public String read(String key) {
        JSONB stored = dsl.select(VALUE).from(PARAMS).where(KEY.eq(key)).fetchOne(VALUE);
        return stored == null ? null : open(key, stored.data());
    }

    /** Stores {@code json} under {@code key}, replacing any value. */
    public void write(String key, String json) {
        write(dsl, key, json);
    }

    /** Stores {@code json} under {@code key} within the transaction of {@code tx}. */
    public void write(DSLContext tx, String key, String json) {
        JSONB value = stored(key, json);
        tx.insertInto(PARAMS).set(KEY, key).set(VALUE, value)
                .onConflict(KEY).doUpdate().set(VALUE, value).set(UPDATED, DSL.currentOffsetDateTime())
                .execute();
    }

    /** Stores {@code json} under {@code key} unless a value is there (another node may have won the race). */
    public void writeIfAbsent(String key, String json) {
        dsl.insertInto(PARAMS).set(KEY, key).set(VALUE, stored(key, json)).onConflictDoNothing().execute();
    }

    /** Opens every stored secret (failing with one line if one cannot be) and seals plain ones when a key is set. */
    void checkOnStart() {
        SecretCipher cipher = ciphers.getObject();
        for (String key : SECRET_KEYS) {
            JSONB stored = dsl.select(VALUE).from(PARAMS).where(KEY.eq(key)).fetchOne(VALUE);
            if (stored == null) {
                continue;
            }
            String json = open(key, stored.data());
            if (cipher.enabled() && sealedText(stored.data()) == null) {
                // Compare-and-set: a node sealing the same row at the same time, or a concurrent write, wins.
                int sealed = dsl.update(PARAMS).set(VALUE, stored(key, json)).set(UPDATED, DSL.currentOffsetDateTime())
                        .where(KEY.eq(key)).and(VALUE.eq(stored)).execute();
                if (sealed == 1) {
                    log.info("Encrypted the stored '{}' with the key in {}.", key, cipher.variable());
                }
            }
        }
    }

    private JSONB stored(String key, String json) {
        SecretCipher cipher = ciphers.getObject();
        if (!cipher.enabled()) {
            return JSONB.valueOf(json);
        }
        // The sealed text is base64 and the prefix: nothing in it needs JSON escaping.
        return JSONB.valueOf("\"" + cipher.seal(json, key) + "\"");
    }

    private String open(String key, String data) {
        String sealed = sealedText(data);
        return sealed == null ? data : ciphers.getObject().open(sealed, key);
    }

    /** The {@code enc:v1:...} text when {@code data} is a sealed value, else null. */
    private static String sealedText(String data) {
        if (data.length() < 2 || data.charAt(0) != '"' || data.charAt(data.length() - 1) != '"') {
            return null;
        }
        String text = data.substring(1, data.length() - 1);
        return SecretCipher.isSealed(text) ? text : null;
    }
}
