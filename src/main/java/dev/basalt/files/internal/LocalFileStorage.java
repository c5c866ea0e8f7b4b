package dev.basalt.files.internal;

import dev.basalt.files.FileStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Files on the local disk under {@code root} (the data directory's {@code storage}): a key is a relative path.
 * Writes go to a temporary file first and are moved into place, so a reader never sees half a file.
 */
public final class LocalFileStorage implements FileStorage {
    private final Path root;

    public LocalFileStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The directory that holds the files. */
    public Path root() {
        return root;
    }

    @Override
    public void write(String key, InputStream content, long size) {
        Path target = path(key);
        try {
            Path temp = createTemp(target.getParent());
            try {
                Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary file in {@code dir}, retried when a concurrent clean-up removed the emptied directory. */
    private static Path createTemp(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(dir);
                return Files.createTempFile(dir, ".upload-", ".tmp");
            } catch (NoSuchFileException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Resource> find(String key) {
        Path p = path(key);
        return Files.isRegularFile(p) ? Optional.of(new FileSystemResource(p)) : Optional.empty();
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public void delete(String key) {
        Path p = path(key);
        try {
            Files.deleteIfExists(p);
            pruneEmptyParents(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void deleteAll(String prefix) {
        Path dir = path(prefix);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            pruneEmptyParents(dir.getParent());
        } catch (NoSuchFileException e) {
            // removed concurrently: nothing left to do
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String key) {
        Path p = root.resolve(FileStorage.checkKey(key)).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("Invalid storage key");
        }
        return p;
    }

    /** Removes directories left empty up to the root (a record's folder after its last file went). */
    private void pruneEmptyParents(Path dir) throws IOException {
        Path d = dir;
        while (d != null && d.startsWith(root) && !d.equals(root)) {
            try {
                if (!Files.deleteIfExists(d)) {
                    return;
                }
            } catch (DirectoryNotEmptyException e) {
                return;
            }
            d = d.getParent();
        }
    }
}
