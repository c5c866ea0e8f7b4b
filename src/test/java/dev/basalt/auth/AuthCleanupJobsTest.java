package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.collections.CollectionRegistry;
import dev.basalt.testing.ApiTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The purge jobs of expired OTPs, MFAs and sessions, run through {@code POST /api/crons/{id}}. */
class AuthCleanupJobsTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private DSLContext dsl;
    @Autowired
    private CollectionRegistry collections;

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 15);
    }

    private String superusersId() {
        return collections.find("_superusers").orElseThrow().id();
    }

    private void insertOtp(String id, String collectionId, OffsetDateTime created) {
        dsl.insertInto(DSL.table(DSL.name("_otps")))
                .set(DSL.field(DSL.name("id")), id).set(DSL.field(DSL.name("collection_id")), collectionId)
                .set(DSL.field(DSL.name("record_id")), "r1").set(DSL.field(DSL.name("password_hash")), "h")
                .set(DSL.field(DSL.name("sent_to")), "a@example.com").set(DSL.field(DSL.name("created")), created)
                .execute();
    }

    private void insertMfa(String id, String collectionId, OffsetDateTime created) {
        dsl.insertInto(DSL.table(DSL.name("_mfas")))
                .set(DSL.field(DSL.name("id")), id).set(DSL.field(DSL.name("collection_id")), collectionId)
                .set(DSL.field(DSL.name("record_id")), "r1").set(DSL.field(DSL.name("method")), "password")
                .set(DSL.field(DSL.name("created")), created).execute();
    }

    private boolean exists(String table, String column, String id) {
        return dsl.fetchExists(DSL.selectOne().from(DSL.table(DSL.name(table)))
                .where(DSL.field(DSL.name(column)).eq(id)));
    }

    /** Runs a job by its id and waits (bounded) until the row is gone. */
    private void runUntilGone(String job, String table, String column, String id) throws InterruptedException {
        assertThat(post("/api/crons/" + job, null, superuser()).status()).isEqualTo(204);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (exists(table, column, id) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(exists(table, column, id)).as(table + " " + id + " purged by " + job).isFalse();
    }

    @Test
    void expiredOtpsAreDeletedAndFreshOnesKept() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String expired = id();
        String fresh = id();
        String orphan = id();
        insertOtp(expired, superusersId(), now.minusHours(1));
        insertOtp(fresh, superusersId(), now);
        insertOtp(orphan, "gone_collection", now);
        runUntilGone(AuthCleanupJobs.OTP_JOB, "_otps", "id", expired);
        assertThat(exists("_otps", "id", fresh)).isTrue();
        assertThat(exists("_otps", "id", orphan)).isFalse();
    }

    @Test
    void expiredMfasAreDeletedAndFreshOnesKept() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String expired = id();
        String fresh = id();
        insertMfa(expired, superusersId(), now.minusHours(1));
        insertMfa(fresh, superusersId(), now);
        runUntilGone(AuthCleanupJobs.MFA_JOB, "_mfas", "id", expired);
        assertThat(exists("_mfas", "id", fresh)).isTrue();
    }

    @Test
    void expiredSessionsGoWithTheirRefreshTokens() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String expired = id();
        String live = id();
        for (String session : new String[] {expired, live}) {
            OffsetDateTime expires = session.equals(expired) ? now.minusMinutes(1) : now.plusDays(1);
            dsl.insertInto(DSL.table(DSL.name("_sessions")))
                    .set(DSL.field(DSL.name("id")), session).set(DSL.field(DSL.name("collection_id")), superusersId())
                    .set(DSL.field(DSL.name("record_id")), "r1").set(DSL.field(DSL.name("kind")), "signin")
                    .set(DSL.field(DSL.name("key_fingerprint")), "f")
                    .set(DSL.field(DSL.name("expires")), expires)
                    .execute();
            dsl.insertInto(DSL.table(DSL.name("_refresh_tokens")))
                    .set(DSL.field(DSL.name("hash")), "hash-" + session)
                    .set(DSL.field(DSL.name("session_id")), session).execute();
        }
        runUntilGone(AuthCleanupJobs.SESSIONS_JOB, "_sessions", "id", expired);
        assertThat(exists("_refresh_tokens", "hash", "hash-" + expired)).isFalse();
        assertThat(exists("_sessions", "id", live)).isTrue();
        assertThat(exists("_refresh_tokens", "hash", "hash-" + live)).isTrue();
    }
}
