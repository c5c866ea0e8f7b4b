package dev.basalt.hooks;

/**
 * PocketBase's {@code BackupEvent} of {@code onBackupCreate} and {@code onBackupRestore}: the backup's
 * {@link #name()}, changeable before {@link #next()}, which creates the backup under it (or restores the backup of
 * that name); a handler that does not call it skips the backup or restore. Unlike PocketBase, the name of a backup
 * made without one is already the generated name, and there is no {@code exclude} list (a backup holds the
 * database and the stored files).
 */
public final class BackupEvent extends HookEvent {
    private String name;

    public BackupEvent(String name) {
        this.name = name;
    }

    /** The backup's file name, e.g. {@code pb_backup_20240101120000.zip}. */
    public String name() {
        return name;
    }

    /** Sets the name the backup is made (or restored) under. */
    public void name(String value) {
        this.name = value;
    }
}
