package dev.basalt.logs.internal;

import dev.basalt.logs.LogsConfig;

/**
 * An entry waiting in the {@link LogWriter}'s queue. Its {@code data} object is rendered by the writer thread, not
 * by the thread that produced it, so a request pays only for collecting a few references.
 */
sealed interface PendingLog permits LogEntry, RequestLog {
    /** When it happened, in epoch milliseconds. */
    long createdMillis();

    int level();

    String message();

    /** The {@code data} column as JSON text, without the private fields {@code config} leaves out. */
    String dataJson(LogsConfig config);
}
