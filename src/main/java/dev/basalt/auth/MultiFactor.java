package dev.basalt.auth;

import dev.basalt.query.RequestInfo;
import java.time.Clock;
import dev.basalt.access.AccessRules;
import dev.basalt.access.RuleCheck;
import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordTables;
import dev.basalt.shared.Caller;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Multi-factor sign-in, as PocketBase: when the collection's {@code mfa} is enabled (and its rule, if any, holds
 * for the record), a first successful method answers 401 with an {@code mfaId} ({@code _mfas}); a second,
 * different method sent with that {@code mfaId} within {@code mfa.duration} completes the sign-in.
 */
@Component
class MultiFactor {
    private static final Table<Record> MFAS = DSL.table(DSL.name("_mfas"));
    private static final Field<String> ID = DSL.field(DSL.name("id"), String.class);
    private static final Field<String> COLLECTION_ID = DSL.field(DSL.name("collection_id"), String.class);
    private static final Field<String> RECORD_ID = DSL.field(DSL.name("record_id"), String.class);
    private static final Field<String> METHOD = DSL.field(DSL.name("method"), String.class);
    private static final Field<OffsetDateTime> CREATED = DSL.field(DSL.name("created"), OffsetDateTime.class);

    /** Thrown by a first method when a second one is needed; answered as 401 {@code {"mfaId": ...}}. */
    static final class Required extends RuntimeException {
        final String mfaId;

        Required(String mfaId) {
            super("MFA required", null, false, false);
            this.mfaId = mfaId;
        }
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final AccessRules rules;
    private final RecordReads store;

    MultiFactor(DSLContext dsl, TransactionTemplate tx, AccessRules rules, RecordReads store, Clock clock) {
        this.clock = clock;
        this.dsl = dsl;
        this.tx = tx;
        this.rules = rules;
        this.store = store;
    }

    /**
     * Passes when no second factor is needed or {@code mfaId} completes one; throws {@link Required} after a first
     * method, 400 for an unknown, expired or mismatched {@code mfaId}.
     */
    void check(Collection collection, String recordId, String method, String mfaId) {
        AuthOptions.Mfa mfa = collection.authOptions().mfa();
        if (!mfa.enabled() || !applies(collection, recordId, mfa.rule())) {
            return;
        }
        if (mfaId == null || mfaId.isBlank()) {
            String id = OneTimePasswords.randomId();
            dsl.insertInto(MFAS).set(ID, id).set(COLLECTION_ID, collection.id()).set(RECORD_ID, recordId)
                    .set(METHOD, method).set(CREATED, OffsetDateTime.now(clock)).execute();
            throw new Required(id);
        }
        Boolean completed = tx.execute(s -> {
            Record r = dsl.select(RECORD_ID, METHOD, CREATED).from(MFAS).where(ID.eq(mfaId))
                    .and(COLLECTION_ID.eq(collection.id())).forUpdate().fetchOne();
            if (r == null) {
                return false;
            }
            dsl.deleteFrom(MFAS).where(ID.eq(mfaId)).execute();
            return r.get(RECORD_ID).equals(recordId) && !r.get(METHOD).equals(method)
                    && r.get(CREATED).isAfter(OffsetDateTime.now(clock).minusSeconds(mfa.duration()));
        });
        if (!Boolean.TRUE.equals(completed)) {
            throw AuthErrors.MFA_INVALID.exception();
        }
    }

    private boolean applies(Collection collection, String recordId, String rule) {
        if (rule == null || rule.isBlank()) {
            return true;
        }
        var condition = rules.condition(RuleCheck.rule(collection, rule, Caller.ANONYMOUS, RequestInfo.NONE)).and(RecordTables.id(collection).eq(recordId));
        return store.exists(collection, condition);
    }
}
