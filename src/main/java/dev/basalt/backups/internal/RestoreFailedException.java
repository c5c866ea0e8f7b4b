package dev.basalt.backups.internal;

/** The database refused to load a backup; the transaction was rolled back and nothing changed. */
public class RestoreFailedException extends RuntimeException {
    public RestoreFailedException(String message) {
        super(message);
    }
}
