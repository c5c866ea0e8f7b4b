package dev.basalt.webhooks.internal;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Names of the outbox table {@code _webhook_deliveries} (Flyway V65) for jOOQ. */
final class DeliveryTable {
    static final Table<?> TABLE = DSL.table(DSL.name("_webhook_deliveries"));
    static final Field<String> ID = DSL.field(DSL.name("id"), SQLDataType.CLOB);
    static final Field<String> WEBHOOK = DSL.field(DSL.name("webhook"), SQLDataType.CLOB);
    static final Field<String> COLLECTION = DSL.field(DSL.name("collection"), SQLDataType.CLOB);
    static final Field<String> ACTION = DSL.field(DSL.name("action"), SQLDataType.CLOB);
    static final Field<String> RECORD = DSL.field(DSL.name("record"), SQLDataType.CLOB);
    static final Field<String> PAYLOAD = DSL.field(DSL.name("payload"), SQLDataType.CLOB);
    static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.CLOB);
    static final Field<Integer> ATTEMPTS = DSL.field(DSL.name("attempts"), SQLDataType.INTEGER);
    static final Field<OffsetDateTime> NEXT_ATTEMPT =
            DSL.field(DSL.name("next_attempt"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> GIVE_UP_AT =
            DSL.field(DSL.name("give_up_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<String> LAST_ERROR = DSL.field(DSL.name("last_error"), SQLDataType.CLOB);
    static final Field<Integer> RESPONSE_STATUS = DSL.field(DSL.name("response_status"), SQLDataType.INTEGER);
    static final Field<Integer> RESPONSE_MS = DSL.field(DSL.name("response_ms"), SQLDataType.INTEGER);
    static final Field<OffsetDateTime> CREATED = DSL.field(DSL.name("created"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> UPDATED = DSL.field(DSL.name("updated"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    /** Waiting for its first or next attempt. */
    static final String PENDING = "pending";
    /** Accepted by the receiver (a 2xx answer). */
    static final String DELIVERED = "delivered";
    /** Given up on; can be replayed. */
    static final String FAILED = "failed";

    private DeliveryTable() {
    }
}
