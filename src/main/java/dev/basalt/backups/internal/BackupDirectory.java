package dev.basalt.backups.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder holding backup zips ({@code <dir>/backups}, {@code 0700}). A zip is written under a temporary
 * dot-name and moved into place when complete, so a listed backup is always a whole one.
 */
public final class BackupDirectory {
    private final Path root;

    public BackupDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A stored backup: its name, size and modification time (milliseconds since the epoch). */
    public record Entry(String key, long size, long modified) {
    }

    public List<Entry> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !name.endsWith(".zip")) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        entries.add(new Entry(name, a.size(), a.lastModifiedTime().toMillis()));
                    }
                } catch (IOException e) {
                    // deleted while listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The path of a backup; {@code key} must have been checked to be a plain file name. */
    public Path path(String key) {
        return root.resolve(key);
    }

    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    /** Writes a new backup through {@code writer}; nothing appears under {@code key} unless it completes. */
    public void write(String key, Writer writer) throws IOException {
        Path temp = createTemp();
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            Files.move(temp, path(key), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Stores an uploaded backup. */
    public void store(String key, InputStream content) throws IOException {
        write(key, content::transferTo);
    }

    private Path createTemp() throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            try {
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
        }
        return Files.createTempFile(root, ".backup-", ".tmp");
    }

    /** Writes the content of a backup. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }
}
