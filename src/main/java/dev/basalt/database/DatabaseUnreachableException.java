package dev.basalt.database;

/**
 * The external database could not be reached within the start wait. Its message is the one line the start
 * failure shows: where Basalt tried (host, port and database, never the URL's parameters) and why it failed.
 */
public final class DatabaseUnreachableException extends RuntimeException {
    DatabaseUnreachableException(String message) {
        super(message);
    }
}
