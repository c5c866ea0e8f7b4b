package dev.basalt.logs;

/** PocketBase's log levels (Go's {@code slog} levels). */
public final class LogLevels {
    /** Debug messages. */
    public static final int DEBUG = -4;
    /** Successful requests and notices. */
    public static final int INFO = 0;
    /** Application warnings. */
    public static final int WARN = 4;
    /** Failed requests and application errors. */
    public static final int ERROR = 8;

    private LogLevels() {
    }
}
