package dev.basalt.backups.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The folder holding backup zips ({@code <dir>/backups}, {@code 0700}). A zip is written under a temporary
 * dot-name and moved into place when complete, so a listed backup is always a whole one.
 */
public final class BackupDirectory implements BackupStore {
    private final Path root;

    public BackupDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
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
    private Path path(String key) {
        return root.resolve(key);
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    @Override
    public Optional<Resource> find(String key) {
        return exists(key) ? Optional.of(new FileSystemResource(path(key))) : Optional.empty();
    }

    @Override
    public <T> T withFile(String key, FileReader<T> reader) throws IOException {
        return reader.read(path(key));
    }

    @Override
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
}
