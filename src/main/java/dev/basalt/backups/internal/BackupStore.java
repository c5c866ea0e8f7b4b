package dev.basalt.backups.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * Where backup zips live: the local {@code <dir>/backups} folder ({@link BackupDirectory}) or the bucket of the
 * settings' {@code backups.s3} ({@link S3BackupStore}). Keys are plain file names, checked by the caller.
 */
public interface BackupStore {
    /** A stored backup: its name, size and modification time (milliseconds since the epoch). */
    record Entry(String key, long size, long modified) {
    }

    List<Entry> list() throws IOException;

    boolean exists(String key) throws IOException;

    /** Removes a backup; false when there was none. */
    boolean delete(String key) throws IOException;

    /** Writes a new backup through {@code writer}; nothing appears under {@code key} unless it completes. */
    void write(String key, Writer writer) throws IOException;

    /** Stores an uploaded backup. */
    default void store(String key, InputStream content) throws IOException {
        write(key, content::transferTo);
    }

    /** The backup's content for a download, when it exists. */
    Optional<Resource> find(String key) throws IOException;

    /** Runs {@code reader} on a local file holding the backup (a temporary copy for a remote store). */
    <T> T withFile(String key, FileReader<T> reader) throws IOException;

    /** Writes the content of a backup. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Reads a backup from a local file. */
    @FunctionalInterface
    interface FileReader<T> {
        T read(Path file) throws IOException;
    }
}
