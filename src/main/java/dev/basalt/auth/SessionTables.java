package dev.basalt.auth;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** jOOQ references to the {@code _sessions} and {@code _refresh_tokens} tables (see V2__auth_sessions.sql). */
final class SessionTables {
    static final Table<Record> SESSIONS = DSL.table(DSL.name("_sessions"));
    static final Field<String> ID = DSL.field(DSL.name("_sessions", "id"), String.class);
    static final Field<String> COLLECTION_ID = DSL.field(DSL.name("_sessions", "collection_id"), String.class);
    static final Field<String> RECORD_ID = DSL.field(DSL.name("_sessions", "record_id"), String.class);
    static final Field<String> KIND = DSL.field(DSL.name("_sessions", "kind"), String.class);
    static final Field<String> KEY_FINGERPRINT = DSL.field(DSL.name("_sessions", "key_fingerprint"), String.class);
    static final Field<String> USER_AGENT = DSL.field(DSL.name("_sessions", "user_agent"), String.class);
    static final Field<OffsetDateTime> CREATED = DSL.field(DSL.name("_sessions", "created"), OffsetDateTime.class);
    static final Field<OffsetDateTime> LAST_USED = DSL.field(DSL.name("_sessions", "last_used"), OffsetDateTime.class);
    static final Field<OffsetDateTime> EXPIRES = DSL.field(DSL.name("_sessions", "expires"), OffsetDateTime.class);
    static final Field<OffsetDateTime> REVOKED = DSL.field(DSL.name("_sessions", "revoked"), OffsetDateTime.class);
    static final Field<String> REVOKED_REASON = DSL.field(DSL.name("_sessions", "revoked_reason"), String.class);

    static final Table<Record> TOKENS = DSL.table(DSL.name("_refresh_tokens"));
    static final Field<String> TOKEN_HASH = DSL.field(DSL.name("_refresh_tokens", "hash"), String.class);
    static final Field<String> TOKEN_SESSION = DSL.field(DSL.name("_refresh_tokens", "session_id"), String.class);
    static final Field<OffsetDateTime> TOKEN_CREATED = DSL.field(DSL.name("_refresh_tokens", "created"), OffsetDateTime.class);
    static final Field<OffsetDateTime> TOKEN_SPENT = DSL.field(DSL.name("_refresh_tokens", "spent"), OffsetDateTime.class);

    private SessionTables() {
    }

    /** The unqualified column of a qualified field (for INSERT and UPDATE SET lists). */
    static <T> Field<T> column(Field<T> qualified) {
        return DSL.field(DSL.name(qualified.getUnqualifiedName().first()), qualified.getType());
    }
}
