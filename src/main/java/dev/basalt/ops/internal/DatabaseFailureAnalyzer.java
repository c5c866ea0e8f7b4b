package dev.basalt.ops.internal;

import dev.basalt.database.DatabaseUnreachableException;
import dev.basalt.shared.OneLineFailureAnalyzer;

/**
 * Reports a database that could not be reached at start as the one line the exception carries, instead of
 * the pool's and Spring's stack traces (registered in {@code META-INF/spring.factories}).
 */
public final class DatabaseFailureAnalyzer extends OneLineFailureAnalyzer<DatabaseUnreachableException> {
    public DatabaseFailureAnalyzer() {
        super(DatabaseUnreachableException.class, "Check BASALT_DB_URL, BASALT_DB_USER and BASALT_DB_PASSWORD, and "
                + "that PostgreSQL runs and accepts connections from this machine; BASALT_DB_START_WAIT sets how long "
                + "the start waits for it.");
    }
}
