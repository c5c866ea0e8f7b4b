package dev.basalt.backups;

import static dev.basalt.backups.BackupServer.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.backups.BackupServer.Answer;
import dev.basalt.testing.S3Server;
import dev.basalt.testing.TestClock;
import dev.basalt.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code /api/backups} with the settings' {@code backups.s3} enabled, against a real S3-compatible server (s3rver):
 * create, list, download with a file token, restore and delete work on the bucket, scheduled backups are pruned
 * there, and switching back to local (no restart) lists the local folder again.
 */
@Tag("db")
@ExtendWith(S3Server.class)
class S3BackupsApiTest {
    @TempDir
    static Path dir;
    private static BackupServer server;
    private static BackupServer.Seeded seeded;
    private static S3Client bucket;

    @BeforeAll
    static void start() {
        server = new BackupServer(TestDatabase.createDatabase(), TestDatabase.user(), TestDatabase.password(), dir);
        seeded = server.seed();
        bucket = S3Client.builder().endpointOverride(URI.create(S3Server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.KEY,
                        S3Server.KEY)))
                .forcePathStyle(true).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        bucket.close();
    }

    private Answer call(String method, String path, Object body) {
        return server.send(method, path, body, server.token);
    }

    private static Map<String, Object> s3(boolean enabled) {
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("enabled", enabled);
        s3.put("bucket", S3Server.BUCKET);
        s3.put("region", "us-east-1");
        s3.put("endpoint", S3Server.endpoint());
        s3.put("accessKey", S3Server.KEY);
        s3.put("secret", S3Server.KEY);
        s3.put("forcePathStyle", true);
        return s3;
    }

    private static List<String> bucketZips() {
        return bucket.listObjectsV2Paginator(l -> l.bucket(S3Server.BUCKET)).contents().stream().map(S3Object::key)
                .filter(k -> k.endsWith(".zip")).toList();
    }

    private List<String> listed() {
        return check(call("GET", "/api/backups", null), 200).json().valueStream()
                .map(b -> b.get("key").asString()).toList();
    }

    @Test
    void backupsLiveInTheBucketWhileEnabled() throws Exception {
        check(call("POST", "/api/backups", Map.of("name", "local-one.zip")), 204);
        assertThat(dir.resolve("backups/local-one.zip")).exists();
        check(call("PATCH", "/api/settings", Map.of("backups", Map.of("s3", s3(true)))), 200);
        assertThat(listed()).as("the bucket's list, not the folder's").doesNotContain("local-one.zip");

        check(call("POST", "/api/backups", Map.of("name", "remote-one.zip")), 204);
        assertThat(bucketZips()).contains("remote-one.zip");
        assertThat(dir.resolve("backups/remote-one.zip")).doesNotExist();
        Answer list = check(call("GET", "/api/backups", null), 200);
        var entry = list.json().valueStream().filter(b -> b.get("key").asString().equals("remote-one.zip"))
                .findFirst().orElseThrow();
        assertThat(entry.get("size").asLong()).isPositive();
        Answer taken = call("POST", "/api/backups", Map.of("name", "remote-one.zip"));
        assertThat(taken.status()).as("a name already in the bucket").isEqualTo(400);

        String fileToken = check(call("POST", "/api/files/token", null), 200).json().get("token").asString();
        Answer zip = check(server.send("GET", "/api/backups/remote-one.zip?token=" + fileToken, null, null), 200);
        assertThat(zip.bytes().length).isEqualTo(entry.get("size").asLong());
        assertThat(new String(zip.bytes(), 0, 2)).isEqualTo("PK");
        assertThat(server.send("GET", "/api/backups/local-one.zip?token=" + fileToken, null, null).status())
                .as("local zips are not served while S3 is on").isEqualTo(404);

        check(call("PATCH", "/api/collections/notes/records/" + seeded.noteId(), Map.of("title", "changed")), 200);
        check(call("POST", "/api/backups/remote-one.zip/restore", null), 204);
        assertThat(check(call("GET", "/api/collections/notes/records/" + seeded.noteId(), null), 200)
                .json().get("title").asString()).isEqualTo("kept");

        check(call("DELETE", "/api/backups/remote-one.zip", null), 204);
        assertThat(bucketZips()).doesNotContain("remote-one.zip");
        assertThat(call("DELETE", "/api/backups/remote-one.zip", null).status()).isEqualTo(400);

        check(call("PATCH", "/api/settings", Map.of("backups", Map.of("s3", Map.of("enabled", false)))), 200);
        assertThat(listed()).contains("local-one.zip");
    }

    @Test
    void uploadAndScheduledPruningUseTheBucket() throws Exception {
        check(call("PATCH", "/api/settings", Map.of("backups", Map.of("s3", s3(true)))), 200);
        try {
            bucket.putObject(p -> p.bucket(S3Server.BUCKET).key("seed.zip"), RequestBody.fromString("x"));
            check(server.multipart("/api/backups/upload", Map.of(), "file", "uploaded.zip", new byte[] {'P', 'K', 5, 6},
                    server.token), 204);
            assertThat(bucketZips()).contains("uploaded.zip");
            Answer again = server.multipart("/api/backups/upload", Map.of(), "file", "seed.zip", new byte[] {1},
                    server.token);
            assertThat(again.status()).as("a name already in the bucket").isEqualTo(400);

            Backups backups = server.context.getBean(Backups.class);
            String first = backups.createScheduled("acme", 1);
            assertThat(bucketZips()).contains(first);
            // names have a one-second stamp, and the bucket's times may not tell the two apart
            server.context.getBean(TestClock.class).advance(Duration.ofSeconds(2));
            String second = backups.createScheduled("acme", 1);
            assertThat(second).isNotEqualTo(first);
            assertThat(bucketZips()).contains(second, "uploaded.zip", "seed.zip").doesNotContain(first);
        } finally {
            check(call("PATCH", "/api/settings", Map.of("backups", Map.of("s3", Map.of("enabled", false)))), 200);
        }
    }
}
