package dev.basalt.auth;

import static dev.basalt.auth.SessionTables.*;

import dev.basalt.collections.AuthOptions;
import dev.basalt.records.RowGuard;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in sessions and their refresh tokens. A session is active until revoked; each refresh spends the
 * presented token and issues the next one; presenting a spent token revokes the whole session (reuse detection).
 * Whether a session is active is never cached: it is checked by {@link #active}, a condition folded into the query
 * that already loads the token's auth record, so a revocation on any node is seen by every node's next request
 * without an extra round trip.
 */
@Component
class Sessions {
    private static final int TOKEN_BYTES = 32;
    private static final int SESSION_ID_BYTES = 15;
    private static final int MAX_USER_AGENT = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a session began. */
    enum Kind { SIGNIN, IMPERSONATION }

    /** A stored session. */
    record Session(String id, String collectionId, String recordId, Kind kind, String keyFingerprint, String userAgent,
                   OffsetDateTime created, OffsetDateTime lastUsed, OffsetDateTime expires, OffsetDateTime revoked) {
    }

    /** A new session and, for sign-ins, its first refresh token (shown once). */
    record Started(String sessionId, String refreshToken) {
    }

    /** Why a refresh token was refused. */
    static final class RefreshRefused extends RuntimeException {
        RefreshRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final DSLContext dsl;
    private final TransactionTemplate tx;
    private final Clock clock;

    Sessions(DSLContext dsl, TransactionTemplate tx, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.tx = tx;
    }

    Started start(String collectionId, String recordId, String tokenKey, Kind kind, String userAgent,
                  AuthOptions.RefreshToken lifetimes) {
        String id = randomText(SESSION_ID_BYTES);
        OffsetDateTime now = now();
        String agent = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
        String refresh = kind == Kind.SIGNIN ? randomText(TOKEN_BYTES) : null;
        tx.executeWithoutResult(s -> {
            dsl.insertInto(SESSIONS)
                    .set(column(ID), id).set(column(COLLECTION_ID), collectionId).set(column(RECORD_ID), recordId)
                    .set(column(KIND), kind.name().toLowerCase()).set(column(KEY_FINGERPRINT), TokenHashes.sha256(tokenKey))
                    .set(column(USER_AGENT), agent).set(column(CREATED), now).set(column(LAST_USED), now)
                    .set(column(EXPIRES), now.plusSeconds(lifetimes.duration()))
                    .execute();
            if (refresh != null) {
                insertToken(id, refresh, now);
            }
        });
        return new Started(id, refresh);
    }

    /**
     * Spends a refresh token and issues the next one; returns the session (as before the refresh) and the new
     * token. A spent token revokes its session; unknown, expired, inactive or revoked ones are refused.
     *
     * @param fingerprint checks the session against its record's current tokenKey (a password change ends it)
     */
    Rotated rotate(String refreshToken, AuthOptionsLookup options, FingerprintLookup fingerprint) {
        String hash = TokenHashes.sha256(refreshToken);
        Rotated rotated = tx.execute(s -> {
            Record token = dsl.select(TOKEN_SESSION, TOKEN_SPENT).from(TOKENS).where(TOKEN_HASH.eq(hash)).forUpdate()
                    .fetchOne();
            if (token == null) {
                return null;
            }
            Session session = find(token.get(TOKEN_SESSION)).orElseThrow();
            if (token.get(TOKEN_SPENT) != null) {
                return new Rotated(session, null, "reuse");
            }
            OffsetDateTime now = now();
            AuthOptions.RefreshToken lifetimes = options.lifetimes(session.collectionId()).orElse(null);
            String problem = session.revoked() != null ? "revoked"
                    : lifetimes == null ? "collection"
                    : !now.isBefore(session.expires()) ? "expired"
                    : !now.isBefore(session.lastUsed().plusSeconds(lifetimes.inactivity())) ? "inactive"
                    : !fingerprint.matches(session) ? "credentials" : null;
            if (problem != null) {
                return new Rotated(session, null, problem);
            }
            dsl.update(TOKENS).set(column(TOKEN_SPENT), now).where(TOKEN_HASH.eq(hash)).execute();
            dsl.update(SESSIONS).set(column(LAST_USED), now).where(ID.eq(session.id())).execute();
            String next = randomText(TOKEN_BYTES);
            insertToken(session.id(), next, now);
            return new Rotated(session, next, null);
        });
        if (rotated == null) {
            throw new RefreshRefused("unknown");
        }
        if (rotated.problem() != null) {
            if (rotated.session().revoked() == null) {
                revoke(rotated.session().id(), rotated.problem());
            }
            throw new RefreshRefused(rotated.problem());
        }
        return rotated;
    }

    /** The outcome of a rotation: the session, the next refresh token, or why it was refused. */
    record Rotated(Session session, String refreshToken, String problem) {
    }

    /** Lifetimes of the sessions of an auth collection (empty when it no longer exists). */
    interface AuthOptionsLookup {
        Optional<AuthOptions.RefreshToken> lifetimes(String collectionId);
    }

    /** Whether the session's record still has the tokenKey the session began with. */
    interface FingerprintLookup {
        boolean matches(Session session);
    }

    /**
     * True while the session exists and is not revoked: the guard of the token's by-id read of its record (one
     * statement, rendered once per collection version).
     */
    static final RowGuard ACTIVE = new RowGuard("live session", Sessions::active);

    private static Condition active(Field<String> sessionId) {
        return DSL.exists(DSL.selectOne().from(SESSIONS).where(ID.eq(sessionId)).and(REVOKED.isNull()));
    }

    /**
     * Marks the session as used now (an access-token refresh), to a tenth of its inactivity limit and at most
     * {@link ApiKeys#LAST_USE_PRECISION}: a session refreshed again within that time is not written, so busy
     * clients do not queue on the session's row lock.
     */
    void touch(String sessionId, long inactivitySeconds) {
        OffsetDateTime now = now();
        Duration precision = Duration.ofSeconds(inactivitySeconds / 10);
        if (precision.compareTo(ApiKeys.LAST_USE_PRECISION) > 0) {
            precision = ApiKeys.LAST_USE_PRECISION;
        }
        dsl.update(SESSIONS).set(column(LAST_USED), now).where(ID.eq(sessionId))
                .and(LAST_USED.le(now.minus(precision))).execute();
    }

    /** Revokes one session; returns false when it did not exist or was already revoked. */
    boolean revoke(String sessionId, String reason) {
        int changed = dsl.update(SESSIONS).set(column(REVOKED), now()).set(column(REVOKED_REASON), reason)
                .where(ID.eq(sessionId)).and(REVOKED.isNull()).execute();
        return changed > 0;
    }

    /** Revokes every active session of a record; returns how many. */
    int revokeAll(String collectionId, String recordId, String reason) {
        return dsl.update(SESSIONS).set(column(REVOKED), now()).set(column(REVOKED_REASON), reason)
                .where(COLLECTION_ID.eq(collectionId)).and(RECORD_ID.eq(recordId)).and(REVOKED.isNull())
                .execute();
    }

    /** The session with this id. */
    Optional<Session> find(String sessionId) {
        return dsl.select(ID, COLLECTION_ID, RECORD_ID, KIND, KEY_FINGERPRINT, USER_AGENT, CREATED, LAST_USED, EXPIRES,
                        REVOKED)
                .from(SESSIONS).where(ID.eq(sessionId)).fetchOptional(Sessions::toSession);
    }

    /** The session a refresh token (spent or not) belongs to. */
    Optional<Session> findByRefreshToken(String refreshToken) {
        return dsl.select(TOKEN_SESSION).from(TOKENS).where(TOKEN_HASH.eq(TokenHashes.sha256(refreshToken)))
                .fetchOptional(TOKEN_SESSION).flatMap(this::find);
    }

    /** The active sessions of a record, newest first. */
    List<Session> listActive(String collectionId, String recordId) {
        return dsl.select(ID, COLLECTION_ID, RECORD_ID, KIND, KEY_FINGERPRINT, USER_AGENT, CREATED, LAST_USED, EXPIRES,
                        REVOKED)
                .from(SESSIONS)
                .where(COLLECTION_ID.eq(collectionId)).and(RECORD_ID.eq(recordId)).and(REVOKED.isNull())
                .and(EXPIRES.gt(now()))
                .orderBy(CREATED.desc(), ID)
                .fetch(Sessions::toSession);
    }

    private void insertToken(String sessionId, String token, OffsetDateTime now) {
        dsl.insertInto(TOKENS).set(column(TOKEN_HASH), TokenHashes.sha256(token)).set(column(TOKEN_SESSION), sessionId)
                .set(column(TOKEN_CREATED), now).execute();
    }

    private static Session toSession(Record r) {
        return new Session(r.get(ID), r.get(COLLECTION_ID), r.get(RECORD_ID), Kind.valueOf(r.get(KIND).toUpperCase()),
                r.get(KEY_FINGERPRINT), r.get(USER_AGENT), r.get(CREATED), r.get(LAST_USED), r.get(EXPIRES),
                r.get(REVOKED));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String randomText(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
