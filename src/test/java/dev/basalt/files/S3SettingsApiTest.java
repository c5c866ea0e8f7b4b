package dev.basalt.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.S3Server;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The settings' {@code s3} section with a real S3-compatible server (s3rver): {@code test/s3} writes, reads and
 * deletes an object in the configured bucket (and fails with the S3 error for a wrong one), and enabling the
 * section moves new uploads to the bucket without a restart while the files stored before stay on the disk.
 */
@ExtendWith(S3Server.class)
class S3SettingsApiTest extends FileTestSupport {
    private static S3Client bucket;

    @BeforeAll
    static void bucketClient() {
        bucket = S3Client.builder().endpointOverride(URI.create(S3Server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.KEY,
                        S3Server.KEY)))
                .forcePathStyle(true).build();
    }

    @AfterAll
    static void closeBucketClient() {
        bucket.close();
    }

    @AfterEach
    void storageBackOnDisk() {
        patch("/api/settings", Map.of("s3", Map.of("enabled", false), "backups", Map.of("s3", Map.of("enabled", false))),
                superuser());
    }

    private static Map<String, Object> s3(String bucketName) {
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("enabled", true);
        s3.put("bucket", bucketName);
        s3.put("region", "us-east-1");
        s3.put("endpoint", S3Server.endpoint());
        s3.put("accessKey", S3Server.KEY);
        s3.put("secret", S3Server.KEY);
        s3.put("forcePathStyle", true);
        return s3;
    }

    private static List<String> keys(String prefix) {
        return bucket.listObjectsV2Paginator(l -> l.bucket(S3Server.BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    @Test
    void testS3WritesReadsAndDeletesInTheConfiguredBucket() {
        assertThat(patch("/api/settings", Map.of("s3", s3(S3Server.BUCKET)), superuser()).status()).isEqualTo(200);
        Response ok = post("/api/settings/test/s3", Map.of("filesystem", "storage"), superuser());
        assertThat(ok.status()).as(ok.body()).isEqualTo(204);
        assertThat(keys("pb_settings_test_")).as("the test object is deleted").isEmpty();

        Response disabled = post("/api/settings/test/s3", Map.of("filesystem", "backups"), superuser());
        assertThat(disabled.status()).isEqualTo(400);
        assertThat(disabled.get("message").asString()).contains("S3 storage filesystem is not enabled");
        assertThat(patch("/api/settings", Map.of("backups", Map.of("s3", s3(S3Server.BUCKET))), superuser())
                .status()).isEqualTo(200);
        assertThat(post("/api/settings/test/s3", Map.of("filesystem", "backups"), superuser()).status())
                .isEqualTo(204);

        assertThat(patch("/api/settings", Map.of("s3", Map.of("bucket", "no-such-bucket")), superuser()).status())
                .isEqualTo(200);
        Response failed = post("/api/settings/test/s3", Map.of("filesystem", "storage"), superuser());
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.get("message").asString()).startsWith("Failed to test the S3 filesystem. Raw error:")
                .contains("no-such-bucket").doesNotContain(S3Server.KEY + "\"").doesNotContain("\tat ");

        Response invalid = post("/api/settings/test/s3", Map.of("filesystem", "disk"), superuser());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.get("data").get("filesystem").get("code").asString()).isEqualTo("validation_in_invalid");
        assertThat(post("/api/settings/test/s3", Map.of("filesystem", "storage"), null).status()).isEqualTo(401);
    }

    @Test
    void enablingS3SendsNewUploadsToTheBucketWithoutARestart() {
        String docs = unique("switch");
        String docsId = createCollection(docs, Map.of(), field("doc", "file", "maxSelect", 1));
        Response before = multipart("POST", "/api/collections/" + docs + "/records",
                new Multipart().file("doc", "before.txt", "text/plain", bytes("on disk")), null);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        String beforeId = before.json().get("id").asString();
        String beforeName = before.json().get("doc").asString();

        assertThat(patch("/api/settings", Map.of("s3", s3(S3Server.BUCKET)), superuser()).status()).isEqualTo(200);
        Response after = multipart("POST", "/api/collections/" + docs + "/records",
                new Multipart().file("doc", "after.txt", "text/plain", bytes("in the bucket")), null);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        String afterId = after.json().get("id").asString();
        String afterName = after.json().get("doc").asString();
        assertThat(keys(docsId + "/" + afterId + "/")).containsExactly(docsId + "/" + afterId + "/" + afterName);
        assertThat(new String(fetch("/api/files/" + docs + "/" + afterId + "/" + afterName).body(),
                StandardCharsets.UTF_8)).isEqualTo("in the bucket");
        assertThat(keys(docsId + "/" + beforeId + "/")).as("files are not moved").isEmpty();
        assertThat(fetch("/api/files/" + docs + "/" + beforeId + "/" + beforeName).statusCode())
                .as("as in PocketBase, files stored before the switch are not found in the bucket").isEqualTo(404);

        assertThat(patch("/api/settings", Map.of("s3", Map.of("enabled", false)), superuser()).status())
                .isEqualTo(200);
        assertThat(new String(fetch("/api/files/" + docs + "/" + beforeId + "/" + beforeName).body(),
                StandardCharsets.UTF_8)).isEqualTo("on disk");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
