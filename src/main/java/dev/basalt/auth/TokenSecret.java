package dev.basalt.auth;

import java.security.SecureRandom;
import java.util.Base64;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * The application's token signing secret, generated once and kept in {@code _params} so that every node of a
 * cluster and every restart signs and verifies with the same secret.
 */
@Component
class TokenSecret {
    private static final String KEY = "tokenSecret";
    private final DSLContext dsl;
    private volatile String secret;

    TokenSecret(DSLContext dsl) {
        this.dsl = dsl;
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

    private String loadOrCreate() {
        var table = DSL.table(DSL.name("_params"));
        var key = DSL.field(DSL.name("key"), SQLDataType.CLOB);
        var value = DSL.field(DSL.name("value"), SQLDataType.JSONB);
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String fresh = Base64.getEncoder().withoutPadding().encodeToString(random);
        dsl.insertInto(table).set(key, KEY).set(value, JSONB.valueOf("\"" + fresh + "\""))
                .onConflictDoNothing().execute();
        String stored = dsl.select(value).from(table).where(key.eq(KEY)).fetchOne(value).data();
        return stored.substring(1, stored.length() - 1);
    }
}
