package dev.basalt.backups.internal;

import dev.basalt.files.S3Clients;
import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import java.nio.file.Path;

/**
 * Picks where backups live for each operation from the current settings: the bucket of {@code backups.s3} while
 * it is enabled, the local folder otherwise, so switching needs no restart. The S3 client is kept while the
 * section stays the same and replaced (the old one closed) when it changes.
 */
public final class BackupStores implements AutoCloseable {
    private final BackupDirectory local;
    private final SettingsStore settings;
    private Settings.S3 openFor;
    private S3BackupStore remote;

    public BackupStores(Path localRoot, SettingsStore settings) {
        this.local = new BackupDirectory(localRoot);
        this.settings = settings;
    }

    /** The store the current settings name. */
    public synchronized BackupStore current() {
        Settings.S3 s3 = settings.current().backups().s3();
        if (!s3.enabled()) {
            return local;
        }
        if (remote == null || !s3.equals(openFor)) {
            close();
            remote = new S3BackupStore(S3Clients.open(s3), s3.bucket());
            openFor = s3;
        }
        return remote;
    }

    @Override
    public synchronized void close() {
        if (remote != null) {
            remote.close();
            remote = null;
            openFor = null;
        }
    }
}
