package dev.basalt.auth;

import java.time.Clock;
import dev.basalt.collections.CollectionJson;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored API keys ({@code _api_keys}): a key is {@value #PREFIX} plus 256 random bits, shown once and kept only as
 * its SHA-256. A key is valid until revoked or expired; its last use is recorded (to within
 * {@link #LAST_USE_PRECISION}, so that busy keys do not write on every request).
 */
@Component
class ApiKeys {
    /** Every key starts with this, so it can be told apart from a JWT. */
    static final String PREFIX = "bsk_";
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final int KEY_BYTES = 32;
    private static final int ID_BYTES = 12;
    private static final int SHOWN_PREFIX = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final Table<Record> KEYS = DSL.table(DSL.name("_api_keys"));
    private static final Field<String> ID = DSL.field(DSL.name("id"), String.class);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), String.class);
    private static final Field<String> HASH = DSL.field(DSL.name("key_hash"), String.class);
    private static final Field<String> KEY_PREFIX = DSL.field(DSL.name("key_prefix"), String.class);
    private static final Field<JSONB> SCOPES = DSL.field(DSL.name("scopes"), JSONB.class);
    private static final Field<String> COLLECTION_ID = DSL.field(DSL.name("collection_id"), String.class);
    private static final Field<String> RECORD_ID = DSL.field(DSL.name("record_id"), String.class);
    private static final Field<OffsetDateTime> EXPIRES = DSL.field(DSL.name("expires"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> CREATED = DSL.field(DSL.name("created"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> LAST_USED = DSL.field(DSL.name("last_used"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> REVOKED = DSL.field(DSL.name("revoked"), OffsetDateTime.class);

    /** A stored key (without its secret). {@code collectionId}/{@code recordId} name the bound auth record, or null. */
    record ApiKey(String id, String name, String keyPrefix, List<String> scopes, String collectionId, String recordId,
                  OffsetDateTime expires, OffsetDateTime created, OffsetDateTime lastUsed) {
    }

    /** A new key and its secret, which is never shown again. */
    record Created(ApiKey key, String secret) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    ApiKeys(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    Created create(String name, List<String> scopes, String collectionId, String recordId, OffsetDateTime expires) {
        String id = random(ID_BYTES);
        String secret = PREFIX + random(KEY_BYTES);
        OffsetDateTime now = now();
        dsl.insertInto(KEYS).set(ID, id).set(NAME, name).set(HASH, TokenHashes.sha256(secret))
                .set(KEY_PREFIX, secret.substring(0, SHOWN_PREFIX))
                .set(SCOPES, JSONB.valueOf(JSON.writeValueAsString(scopes)))
                .set(COLLECTION_ID, collectionId).set(RECORD_ID, recordId).set(EXPIRES, expires).set(CREATED, now)
                .execute();
        return new Created(new ApiKey(id, name, secret.substring(0, SHOWN_PREFIX), List.copyOf(scopes), collectionId,
                recordId, expires, now, null), secret);
    }

    /** The keys not revoked, newest first. */
    List<ApiKey> list() {
        return dsl.select(ID, NAME, KEY_PREFIX, SCOPES, COLLECTION_ID, RECORD_ID, EXPIRES, CREATED, LAST_USED)
                .from(KEYS).where(REVOKED.isNull()).orderBy(CREATED.desc(), ID).fetch(ApiKeys::toKey);
    }

    /** Revokes a key; false when there is no such active key. */
    boolean revoke(String id) {
        return dsl.update(KEYS).set(REVOKED, now()).where(ID.eq(id)).and(REVOKED.isNull()).execute() > 0;
    }

    /** The active, unexpired key with this secret; records its use. */
    Optional<ApiKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        Optional<ApiKey> key = dsl.select(ID, NAME, KEY_PREFIX, SCOPES, COLLECTION_ID, RECORD_ID, EXPIRES, CREATED,
                        LAST_USED)
                .from(KEYS).where(HASH.eq(TokenHashes.sha256(secret))).and(REVOKED.isNull())
                .and(EXPIRES.isNull().or(EXPIRES.gt(now)))
                .fetchOptional(ApiKeys::toKey);
        key.ifPresent(k -> dsl.update(KEYS).set(LAST_USED, now).where(ID.eq(k.id()))
                .and(LAST_USED.isNull().or(LAST_USED.lt(now.minus(LAST_USE_PRECISION)))).execute());
        return key;
    }

    private static ApiKey toKey(Record r) {
        return new ApiKey(r.get(ID), r.get(NAME), r.get(KEY_PREFIX), JSON.readValue(r.get(SCOPES).data(), STRINGS),
                r.get(COLLECTION_ID), r.get(RECORD_ID), r.get(EXPIRES), r.get(CREATED), r.get(LAST_USED));
    }

    /** The JSON form of a key, for the API. */
    static Map<String, Object> toJson(ApiKey k) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", k.id());
        json.put("name", k.name());
        json.put("keyPrefix", k.keyPrefix());
        json.put("scopes", k.scopes());
        json.put("collectionId", k.collectionId() == null ? "" : k.collectionId());
        json.put("recordId", k.recordId() == null ? "" : k.recordId());
        json.put("expires", CollectionJson.formatDate(k.expires()));
        json.put("created", CollectionJson.formatDate(k.created()));
        json.put("lastUsed", CollectionJson.formatDate(k.lastUsed()));
        return json;
    }

    /** The clock's time, as the database stores it. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
