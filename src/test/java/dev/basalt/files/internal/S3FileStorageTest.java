package dev.basalt.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.testing.S3Server;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.Resource;

/** {@link S3FileStorage} against a real S3-compatible server: the {@code FileStorage} contract, key by key. */
@ExtendWith(S3Server.class)
class S3FileStorageTest {
    private static S3FileStorage storage;

    @BeforeAll
    static void connect() {
        storage = S3FileStorage.connect(settings(S3Server.BUCKET, S3Server.KEY));
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    private static S3Settings settings(String bucket, String accessKey) {
        return new S3Settings(S3Server.endpoint(), bucket, "us-east-1", accessKey, S3Server.KEY, true);
    }

    private static void write(String key, byte[] bytes) {
        storage.write(key, new ByteArrayInputStream(bytes), bytes.length);
    }

    @Test
    void writesFindsAndDeletesObjects() throws IOException {
        byte[] content = "hello bucket".getBytes(StandardCharsets.UTF_8);
        write("contract/r1/a.txt", content);
        assertThat(storage.exists("contract/r1/a.txt")).isTrue();
        Resource found = storage.find("contract/r1/a.txt").orElseThrow();
        assertThat(found.contentLength()).isEqualTo(content.length);
        assertThat(found.lastModified()).isPositive();
        assertThat(found.getFilename()).isEqualTo("a.txt");
        try (InputStream in = found.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }

        byte[] replaced = "replaced".getBytes(StandardCharsets.UTF_8);
        write("contract/r1/a.txt", replaced);
        assertThat(storage.find("contract/r1/a.txt").orElseThrow().contentLength()).isEqualTo(replaced.length);

        storage.delete("contract/r1/a.txt");
        storage.delete("contract/r1/a.txt");
        assertThat(storage.exists("contract/r1/a.txt")).isFalse();
        assertThat(storage.find("contract/r1/a.txt")).isEmpty();
        assertThatThrownBy(found::getInputStream).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void aStreamClosedEarlyReleasesItsConnection() throws IOException {
        byte[] big = new byte[3_000_000];
        new Random(1).nextBytes(big);
        write("contract/r2/big.bin", big);
        Resource found = storage.find("contract/r2/big.bin").orElseThrow();
        for (int i = 0; i < 60; i++) {
            try (InputStream in = found.getInputStream()) {
                assertThat(in.readNBytes(16)).isEqualTo(java.util.Arrays.copyOf(big, 16));
            }
        }
        try (InputStream in = found.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        storage.delete("contract/r2/big.bin");
    }

    @Test
    void deleteAllRemovesAFolderInBatchesAndNothingBeside() {
        byte[] one = {1};
        IntStream.range(0, S3FileStorage.DELETE_BATCH + 5)
                .forEach(i -> write("contract/r3/thumbs_x/" + i + "_x.png", one));
        write("contract/r3/x.png", one);
        write("contract/r30/kept.png", one);
        write("contract/r3.png", one);

        storage.deleteAll("contract/r3");
        assertThat(storage.exists("contract/r3/x.png")).isFalse();
        assertThat(storage.exists("contract/r3/thumbs_x/0_x.png")).isFalse();
        assertThat(storage.exists("contract/r3/thumbs_x/" + (S3FileStorage.DELETE_BATCH + 4) + "_x.png")).isFalse();
        assertThat(storage.exists("contract/r30/kept.png")).as("a sibling with the same prefix").isTrue();
        assertThat(storage.exists("contract/r3.png")).isTrue();
        storage.deleteAll("contract/nothing-here");
    }

    @Test
    void keysAreCheckedBeforeAnyRequest() {
        assertThatThrownBy(() -> storage.exists("../outside")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.deleteAll("a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write("a/b c", new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingBucketOrWrongKeysStopTheStartWithAClearMessage() {
        assertThatThrownBy(() -> S3FileStorage.connect(settings("no-such-bucket", S3Server.KEY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot use S3 bucket 'no-such-bucket' at " + S3Server.endpoint())
                .hasMessageContaining("404");
        assertThatThrownBy(() -> S3FileStorage.connect(settings(S3Server.BUCKET, "UNKNOWNKEY")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("403");
    }

    @Test
    void serviceErrorsAreUncheckedIoErrors() {
        try (S3FileStorage missing = new S3FileStorage(software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(java.net.URI.create(S3Server.endpoint()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(S3Server.KEY, S3Server.KEY)))
                .build(), "no-such-bucket")) {
            assertThatThrownBy(() -> missing.write("k/a.txt", new ByteArrayInputStream(new byte[1]), 1))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("no-such-bucket");
            assertThatThrownBy(() -> missing.deleteAll("k")).isInstanceOf(UncheckedIOException.class);
        }
    }
}
