package dev.basalt.backups;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** PocketBase's generated backup names. */
final class BackupNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Longest part of the name taken from the app name. */
    private static final int MAX_APP_PART = 50;

    private BackupNames() {
    }

    /** The prefix, the app name in snake case (up to {@link #MAX_APP_PART}), a UTC timestamp, {@code .zip}. */
    static String generated(String prefix, String appName, Instant now) {
        String app = appName == null ? "" : appName.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toLowerCase();
        app = app.substring(0, Math.min(app.length(), MAX_APP_PART));
        String stamp = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).format(STAMP);
        return prefix + (app.isEmpty() ? "" : app + "_") + stamp + ".zip";
    }
}
