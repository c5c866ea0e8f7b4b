package dev.basalt.ops.internal;

import dev.basalt.database.DatabaseUnreachableException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Reports a database that could not be reached at start as the one line the exception carries, instead of
 * the pool's and Spring's stack traces (registered in {@code META-INF/spring.factories}).
 */
public final class DatabaseFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnreachableException unreachable) {
                return new FailureAnalysis(unreachable.getMessage(), "Check BASALT_DB_URL, BASALT_DB_USER and "
                        + "BASALT_DB_PASSWORD, and that PostgreSQL runs and accepts connections from this machine; "
                        + "BASALT_DB_START_WAIT sets how long the start waits for it.", unreachable);
            }
        }
        return null;
    }
}
