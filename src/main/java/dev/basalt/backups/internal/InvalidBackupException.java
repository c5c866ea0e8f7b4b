package dev.basalt.backups.internal;

/** A zip that is not a readable Basalt backup of a supported format; the message says what is wrong. */
public class InvalidBackupException extends RuntimeException {
    public InvalidBackupException(String message) {
        super(message);
    }
}
