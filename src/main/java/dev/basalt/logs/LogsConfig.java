package dev.basalt.logs;

/**
 * PocketBase's {@code logs} settings.
 *
 * @param maxDays   days a log entry is kept; 0 turns logging off
 * @param minLevel  entries below this level are not written (DEBUG -4, INFO 0, WARN 4, ERROR 8)
 * @param logIP     whether request entries keep {@code userIP} and {@code remoteIP}
 * @param logAuthId whether request entries keep the caller's record id ({@code authId})
 */
public record LogsConfig(int maxDays, int minLevel, boolean logIP, boolean logAuthId) {
    /** PocketBase's defaults. */
    public static final LogsConfig DEFAULTS = new LogsConfig(5, 0, true, false);
}
