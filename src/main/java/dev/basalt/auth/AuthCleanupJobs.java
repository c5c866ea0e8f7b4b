package dev.basalt.auth;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.crons.CronRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The hourly purges of expired sign-in state, as cron jobs: PocketBase's {@code __pbOTPCleanup__} (OTPs older than
 * their collection's {@code otp.duration}) and {@code __pbMFACleanup__} (pending MFAs older than
 * {@code mfa.duration}), and Basalt's {@code __basaltSessionsCleanup__} (sessions past their hard expiry, or revoked
 * more than {@link #KEEP_REVOKED} ago, with their refresh tokens). File tokens are stateless JWTs and auth origins
 * do not expire (as in PocketBase), so neither needs a purge.
 */
@Component
public class AuthCleanupJobs {
    /** PocketBase's OTP purge. */
    public static final String OTP_JOB = "__pbOTPCleanup__";
    /** PocketBase's MFA purge. */
    public static final String MFA_JOB = "__pbMFACleanup__";
    /** Basalt's session and refresh token purge. */
    public static final String SESSIONS_JOB = "__basaltSessionsCleanup__";
    /** PocketBase's schedule of its purges: every hour. */
    static final String HOURLY = "0 * * * *";
    /** Revoked sessions stay listed this long (their tokens are refused either way). */
    static final Duration KEEP_REVOKED = Duration.ofDays(7);
    private static final Field<String> COLLECTION_ID = DSL.field(DSL.name("collection_id"), String.class);
    private static final Field<OffsetDateTime> CREATED = DSL.field(DSL.name("created"), OffsetDateTime.class);
    private final DSLContext dsl;
    private final CollectionRegistry collections;

    AuthCleanupJobs(DSLContext dsl, CollectionRegistry collections, CronRegistry crons) {
        this.dsl = dsl;
        this.collections = collections;
        crons.add(OTP_JOB, HOURLY, this::purgeOtps);
        crons.add(MFA_JOB, HOURLY, this::purgeMfas);
        crons.add(SESSIONS_JOB, HOURLY, this::purgeSessions);
    }

    /** Deletes expired OTPs and those of collections that are gone; returns how many. */
    public int purgeOtps() {
        return purge(DSL.table(DSL.name("_otps")), o -> o.otp().duration());
    }

    /** Deletes expired pending MFAs and those of collections that are gone; returns how many. */
    public int purgeMfas() {
        return purge(DSL.table(DSL.name("_mfas")), o -> o.mfa().duration());
    }

    /** Deletes sessions past their expiry or long revoked (their refresh tokens go with them); returns how many. */
    public int purgeSessions() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return dsl.deleteFrom(SessionTables.SESSIONS)
                .where(SessionTables.EXPIRES.lt(now))
                .or(SessionTables.REVOKED.lt(now.minus(KEEP_REVOKED)))
                .execute();
    }

    private int purge(Table<Record> table, ToLongFunction<AuthOptions> seconds) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> authIds = new ArrayList<>();
        List<Condition> expired = new ArrayList<>();
        for (Collection c : collections.all()) {
            if (Collection.AUTH.equals(c.type()) && c.authOptions() != null) {
                authIds.add(c.id());
                expired.add(COLLECTION_ID.eq(c.id())
                        .and(CREATED.lt(now.minusSeconds(seconds.applyAsLong(c.authOptions())))));
            }
        }
        return dsl.deleteFrom(table).where(DSL.or(expired)).or(COLLECTION_ID.notIn(authIds)).execute();
    }
}
