package dev.basalt.collections.internal;

import dev.basalt.shared.FieldError;
import java.sql.SQLException;
import java.util.Map;

/** Turns PostgreSQL errors raised by a schema change into client errors, without any SQL text. */
final class DatabaseErrors {
    /** unique_violation: e.g. duplicate values while building a UNIQUE index. */
    static final String UNIQUE_VIOLATION = "23505";
    /** Errors caused by the submitted definition rather than by the server (by SQLState). */
    private static final Map<String, String> CLIENT_ERRORS = Map.ofEntries(
            Map.entry(UNIQUE_VIOLATION, "the existing records have duplicate values"),
            Map.entry("23502", "existing records have no value for a required column"),
            Map.entry("23514", "existing records violate a check"),
            Map.entry("42P07", "the name is already used by another table or index"),
            Map.entry("42701", "the column already exists"),
            Map.entry("42703", "an unknown column is used"),
            Map.entry("42804", "a value does not match the column type"),
            Map.entry("42883", "an operator is not supported for the column type"),
            Map.entry("22P02", "a value does not match the column type"),
            Map.entry("54011", "the table has too many columns"),
            Map.entry("2BP01", "other database objects depend on it"));

    private DatabaseErrors() {
    }

    /**
     * The exception to throw for a failed statement: an {@link InvalidCollectionException} under {@code key}
     * when the database refused the definition, else the original exception (a server error).
     */
    static RuntimeException translate(RuntimeException e, String key, String action) {
        String state = sqlState(e);
        String reason = state == null ? null : CLIENT_ERRORS.get(state);
        if (reason == null) {
            return e;
        }
        String code = UNIQUE_VIOLATION.equals(state) ? "validation_not_unique" : "validation_db_rejected";
        return new InvalidCollectionException(key, new FieldError(code, action + ": " + reason + "."));
    }

    /** The SQLState of the first SQLException in the cause chain, or null. */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
