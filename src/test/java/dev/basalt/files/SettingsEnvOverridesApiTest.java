package dev.basalt.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.S3Server;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code BASALT_S3_*} and {@code BASALT_BATCH_MAX_REQUESTS} set: the settings API names them in
 * {@code envOverrides}, and what the settings say about them is stored but not applied.
 */
@ExtendWith(S3Server.class)
class SettingsEnvOverridesApiTest extends FileTestSupport {
    private static final int ENV_MAX_REQUESTS = 3;

    @Autowired
    private FileStorage storage;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("basalt.s3.endpoint", S3Server::endpoint);
        registry.add("basalt.s3.bucket", () -> S3Server.BUCKET);
        registry.add("basalt.s3.access-key", () -> S3Server.KEY);
        registry.add("basalt.s3.secret", () -> S3Server.KEY);
        registry.add("basalt.s3.force-path-style", () -> "true");
        registry.add("basalt.batch.max-requests", () -> Integer.toString(ENV_MAX_REQUESTS));
    }

    @AfterEach
    void restore() {
        patch("/api/settings", Map.of("batch", Map.of("maxRequests", 50), "s3", Map.of("enabled", false)), superuser());
    }

    @Test
    void theSettingsNameWhatTheEnvironmentOverridesAndTheEnvironmentWins() {
        Response saved = patch("/api/settings", Map.of("batch", Map.of("maxRequests", 1),
                "s3", Map.of("enabled", true, "bucket", "elsewhere", "region", "us-east-1",
                        "endpoint", "http://127.0.0.1:1", "accessKey", "a", "secret", "b")), superuser());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.get("batch").get("maxRequests").asInt()).as("stored as sent").isEqualTo(1);
        assertThat(saved.get("envOverrides").toString()).isEqualTo("[\"s3\",\"batch.maxRequests\"]");
        assertThat(get("/api/settings", superuser()).get("envOverrides").toString())
                .isEqualTo("[\"s3\",\"batch.maxRequests\"]");

        Map<String, Object> twoRequests = Map.of("requests", List.of(Map.of(), Map.of()));
        Response batch = post("/api/batch", twoRequests, superuser());
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.body()).as("refused for its empty items, not its length").contains("requests")
                .doesNotContain("validation_length_too_long");
        Response tooMany = post("/api/batch", Map.of("requests", List.of(Map.of(), Map.of(), Map.of(), Map.of())),
                superuser());
        assertThat(tooMany.get("data").get("requests").get("code").asString())
                .isEqualTo("validation_length_too_long");

        String docs = unique("envs3");
        String docsId = createCollection(docs, Map.of(), field("doc", "file", "maxSelect", 1));
        Response up = multipart("POST", "/api/collections/" + docs + "/records",
                new Multipart().file("doc", "a.txt", "text/plain", new byte[] {1, 2, 3}), null);
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        String key = docsId + "/" + up.json().get("id").asString() + "/" + up.json().get("doc").asString();
        assertThat(storage.exists(key)).as("in the environment's bucket").isTrue();
        assertThat(post("/api/settings/test/s3", Map.of("filesystem", "storage"), superuser()).status())
                .as("tests the bucket in use").isEqualTo(204);
    }
}
