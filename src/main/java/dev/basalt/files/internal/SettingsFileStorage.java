package dev.basalt.files.internal;

import dev.basalt.files.FileStorage;
import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * The storage chosen by the settings' {@code s3} section, looked up at every operation: the local disk while it
 * is off, its bucket while it is on, so that switching takes effect without a restart (on this node at once, on
 * the others as {@link SettingsStore#recent()} says). Files are not moved: after a switch, the files stored before
 * are no longer found, as in PocketBase. One client per bucket configuration is kept; the one replaced before the
 * last is closed (by then the operations that used it have long finished).
 */
final class SettingsFileStorage implements FileStorage {
    private final FileStorage local;
    private final SettingsStore settings;
    private Connected connected;
    private Connected retired;

    SettingsFileStorage(FileStorage local, SettingsStore settings) {
        this.local = local;
        this.settings = settings;
    }

    /** A connected bucket and the settings it was made from. */
    private record Connected(Settings.S3 config, S3FileStorage storage) {
    }

    /** The storage in force now. */
    FileStorage current() {
        Settings.S3 s3 = settings.recent().s3();
        if (!s3.enabled()) {
            return local;
        }
        synchronized (this) {
            if (connected == null || !connected.config().equals(s3)) {
                S3FileStorage storage;
                try {
                    storage = S3FileStorage.connect(toS3Settings(s3));
                } catch (IllegalStateException e) {
                    throw new UncheckedIOException(new IOException(e.getMessage(), e));
                }
                if (retired != null) {
                    retired.storage().close();
                }
                retired = connected;
                connected = new Connected(s3, storage);
            }
            return connected.storage();
        }
    }

    static S3Settings toS3Settings(Settings.S3 s3) {
        return new S3Settings(s3.endpoint(), s3.bucket(), s3.region(), s3.accessKey(), s3.secret(),
                s3.forcePathStyle());
    }

    @Override
    public void write(String key, InputStream content, long size) {
        current().write(key, content, size);
    }

    @Override
    public Optional<Resource> find(String key) {
        return current().find(key);
    }

    @Override
    public boolean exists(String key) {
        return current().exists(key);
    }

    @Override
    public void delete(String key) {
        current().delete(key);
    }

    @Override
    public void deleteAll(String prefix) {
        current().deleteAll(prefix);
    }

    @Override
    public java.util.stream.Stream<String> list() {
        return current().list();
    }
}
