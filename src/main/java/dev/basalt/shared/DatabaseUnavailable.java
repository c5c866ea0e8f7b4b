package dev.basalt.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises failures that mean "the database cannot be reached" (the pool gave up waiting for a connection,
 * the connection broke, the server is shutting down or starting), so requests answer a quick 503 in PocketBase's
 * shape instead of a 500 with a stack trace in the log.
 */
public final class DatabaseUnavailable {
    /** The message of the 503 answer. */
    public static final String MESSAGE = "The database is unavailable, please try again later.";
    public static final int STATUS = 503;
    /** SQLState class 08: connection exceptions (refused, broken, protocol failure). */
    private static final String CONNECTION_CLASS = "08";
    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down). */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    private static final String SPRING_NO_CONNECTION = "org.springframework.jdbc.CannotGetJdbcConnectionException";
    private static final int MAX_CAUSES = 16;

    private DatabaseUnavailable() {
    }

    /** True when {@code error} (or one of its causes) says the database cannot be reached. */
    public static boolean is(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t.getClass().getName().equals(SPRING_NO_CONNECTION)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_CLASS) || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's message, for a one-line log entry. */
    public static String reason(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t.getCause() != null && depth < MAX_CAUSES; depth++) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Writes the 503 answer directly, for code that runs before the controllers (servlet filters). */
    public static void write(HttpServletResponse response) throws IOException {
        response.setStatus(STATUS);
        response.setContentType("application/json");
        response.setCharacterEncoding("utf-8");
        response.getWriter().write("{\"status\":" + STATUS + ",\"message\":\"" + MESSAGE + "\",\"data\":{}}");
    }
}
