package dev.basalt.records;

/**
 * Wraps each single-record write of the one write path ({@link RecordWrites}): API and batch creates, updates and
 * deletes, cascaded deletes, auth flags and CLI changes alike, inside the write's transaction. The interceptor calls
 * {@code proceed} to perform the write (and let the following interceptors run), or does not, to skip it; throwing
 * rolls the whole write back. Statement-wide updates (relation clean-up after a delete) are not intercepted. This is
 * where PocketBase's model hooks ({@code onRecordCreate} and the like) attach.
 */
@FunctionalInterface
public interface RecordWriteInterceptor {
    /** Called once per record write; {@code proceed} performs it. */
    void around(PendingRecordWrite write, Runnable proceed);
}
