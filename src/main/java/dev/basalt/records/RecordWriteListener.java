package dev.basalt.records;

/**
 * The attachment point for whatever must see every record write: realtime events today ({@link RecordChanges}),
 * hooks and webhooks next. {@link RecordWrites} calls every listener bean, in
 * {@link org.springframework.core.annotation.Order} order, after each row is written and inside the write's
 * transaction: API creates, updates and deletes, batch requests, auth flags (verified), CLI superuser changes,
 * relation cascades and clean-up, and truncate alike. A later step of the same write (a createRule checked on the
 * stored row, a required relation elsewhere) can still roll the transaction back, so a listener must defer anything
 * that leaves the process until the commit.
 */
@FunctionalInterface
public interface RecordWriteListener {
    /** Called once per written row. Throwing rolls the whole write back. */
    void written(RecordWrite write);
}
