package dev.basalt.files.internal;

import dev.basalt.files.FileStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Files on the local disk under {@code root} (the data directory's {@code storage}): a key is a relative path.
 * Writes go to a temporary file first and are moved into place, so a reader never sees half a file.
 * Only the owner can read them: files are {@code 0600} and directories {@code 0700} (the root is tightened on
 * start, which also closes folders an older version left world-readable), on file systems with POSIX modes.
 */
public final class LocalFileStorage implements FileStorage {
    /** Mode of stored files: the owner reads and writes. */
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** Mode of the storage directories: only the owner lists and enters them. */
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final boolean posix;

    public LocalFileStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.posix = this.root.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            createDirectories(this.root);
            if (posix) {
                Files.setPosixFilePermissions(this.root, DIRECTORY_MODE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the file storage directory " + this.root, e);
        }
    }

    @Override
    public void write(String key, InputStream content, long size) {
        Path target = path(key);
        try {
            Path temp = createTemp(target.getParent());
            try {
                Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
                if (posix) {
                    Files.setPosixFilePermissions(temp, FILE_MODE);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary file in {@code dir}, retried when a concurrent clean-up removed the emptied directory. */
    private Path createTemp(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                createDirectories(dir);
                return Files.createTempFile(dir, ".upload-", ".tmp");
            } catch (NoSuchFileException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Creates missing directories as {@code 0700} (the mode is given at creation, so none is ever wider). */
    private void createDirectories(Path dir) throws IOException {
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        } else {
            Files.createDirectories(dir);
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

    @Override
    public Stream<String> list() {
        List<String> keys = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String key = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    // Temporary files of writes in progress start with '.', which no key segment may.
                    if (attrs.isRegularFile() && !key.startsWith(".") && !key.contains("/.")) {
                        keys.add(key);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // removed while walking (a record deleted meanwhile)
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys.stream();
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
