package dev.basalt.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.files.internal.LocalFileStorage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored files and their folders are readable by the owner only, on the real disk. */
class LocalFileStorageModesTest {
    @TempDir
    Path dir;

    @Test
    void filesAre0600AndDirectories0700() throws Exception {
        LocalFileStorage storage = new LocalFileStorage(dir.resolve("storage"));
        byte[] content = "secret".getBytes(StandardCharsets.UTF_8);
        storage.write("pbc_1/rec1/photo.png", new ByteArrayInputStream(content), content.length);

        Path root = dir.resolve("storage");
        assertThat(mode(root.resolve("pbc_1/rec1/photo.png"))).isEqualTo("rw-------");
        assertThat(mode(root.resolve("pbc_1/rec1"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("pbc_1"))).isEqualTo("rwx------");
        assertThat(mode(root)).isEqualTo("rwx------");
    }

    @Test
    void aWorldReadableRootFromAnOlderVersionIsTightened() throws Exception {
        Path root = Files.createDirectories(dir.resolve("storage"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

        new LocalFileStorage(root);

        assertThat(mode(root)).isEqualTo("rwx------");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
