package dev.basalt.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every section of {@code /api/settings} in PocketBase's shape: defaults, a round trip through PATCH and GET,
 * PocketBase's validation codes, secrets never shown and kept when a PATCH leaves them empty, and superuserIPs
 * applied to the next request.
 */
class SettingsApiTest extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @Autowired
    private SettingsStore store;
    @Autowired
    private SealedParams params;

    /** The tests share one database: back to the defaults (secrets too, which the API cannot empty). */
    @AfterEach
    void restore() {
        params.write(SealedParams.SETTINGS, JSON.writeValueAsString(Settings.defaults(false).toStoredJson()));
        store.update(Map.of());
    }

    @Test
    void everyPocketBaseSectionIsThereWithItsDefaults() {
        Response r = get("/api/settings", superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(fieldNames(r.json())).containsExactlyInAnyOrder("meta", "smtp", "s3", "backups", "batch",
                "rateLimits", "trustedProxy", "logs", "superuserIPs", "envOverrides");
        assertThat(r.get("meta").get("accentColor").asString()).isEqualTo("#1055c9");
        assertThat(fieldNames(r.get("s3"))).containsExactlyInAnyOrder("enabled", "bucket", "region", "endpoint",
                "accessKey", "forcePathStyle");
        assertThat(r.get("backups").get("cronMaxKeep").asInt()).isEqualTo(3);
        assertThat(fieldNames(r.get("backups").get("s3"))).doesNotContain("secret");
        JsonNode logs = r.get("logs");
        assertThat(List.of(logs.get("maxDays").asInt(), logs.get("minLevel").asInt())).containsExactly(5, 0);
        assertThat(logs.get("logIP").asBoolean()).isTrue();
        assertThat(logs.get("logAuthId").asBoolean()).isFalse();
        assertThat(r.get("batch").get("maxRequests").asInt()).isEqualTo(50);
        assertThat(r.get("superuserIPs").isArray()).isTrue();
        assertThat(r.get("envOverrides").isArray()).isTrue();
        assertThat(r.get("envOverrides").size()).isZero();
    }

    @Test
    void everySectionRoundTripsAndSecretsStayHidden() {
        Map<String, Object> s3 = Map.of("enabled", true, "bucket", "files", "region", "eu-west-1",
                "endpoint", "https://s3.example.com", "accessKey", "AK", "secret", "storage-secret",
                "forcePathStyle", true);
        Response saved = patch("/api/settings", Map.of(
                "meta", Map.of("accentColor", "#ff0000"),
                "backups", Map.of("cron", "0 3 * * *", "cronMaxKeep", 7,
                        "s3", Map.of("enabled", false, "bucket", "backups", "secret", "backup-secret")),
                "batch", Map.of("enabled", true, "maxRequests", 20, "timeout", 5, "maxBodySize", 1024),
                "logs", Map.of("maxDays", 9, "minLevel", 4, "logIP", false, "logAuthId", true),
                "superuserIPs", List.of("127.0.0.1", "10.0.0.0/8", "::1")), superuser());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        // the storage switch is tested with a real bucket elsewhere: saved here with no bucket behind it
        store.update(Map.of("s3", s3));

        JsonNode read = get("/api/settings", superuser()).json();
        assertThat(read.get("meta").get("accentColor").asString()).isEqualTo("#ff0000");
        assertThat(read.get("meta").get("appName").asString()).as("other meta keys kept").isNotBlank();
        assertThat(read.get("s3").get("bucket").asString()).isEqualTo("files");
        assertThat(read.get("s3").get("forcePathStyle").asBoolean()).isTrue();
        assertThat(read.get("backups").get("cron").asString()).isEqualTo("0 3 * * *");
        assertThat(read.get("backups").get("cronMaxKeep").asInt()).isEqualTo(7);
        assertThat(read.get("backups").get("s3").get("bucket").asString()).isEqualTo("backups");
        assertThat(read.get("batch").get("timeout").asInt()).isEqualTo(5);
        assertThat(read.get("batch").get("maxBodySize").asLong()).isEqualTo(1024);
        assertThat(read.get("logs").get("minLevel").asInt()).isEqualTo(4);
        assertThat(read.get("logs").get("logAuthId").asBoolean()).isTrue();
        assertThat(read.get("superuserIPs").toString()).isEqualTo("[\"127.0.0.1\",\"10.0.0.0/8\",\"::1\"]");
        assertThat(read.toString()).doesNotContain("storage-secret").doesNotContain("backup-secret");
        assertThat(fieldNames(read.get("s3"))).doesNotContain("secret");

        // The SDK sends back what it read (no secrets, plus envOverrides): the secrets are kept, nothing fails.
        Response again = send("PATCH", "/api/settings", read, superuser());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(patch("/api/settings", Map.of("s3", Map.of("secret", "", "bucket", "files2"),
                "backups", Map.of("s3", Map.of("region", "r1"))), superuser()).status()).isEqualTo(200);
        assertThat(store.current().s3().secret()).isEqualTo("storage-secret");
        assertThat(store.current().s3().bucket()).isEqualTo("files2");
        assertThat(store.current().backups().s3().secret()).isEqualTo("backup-secret");
        assertThat(store.current().backups().s3().bucket()).as("nested objects merge key by key")
                .isEqualTo("backups");
        assertThat(patch("/api/settings", Map.of("s3", Map.of("secret", "new-secret")), superuser()).status())
                .isEqualTo(200);
        assertThat(store.current().s3().secret()).isEqualTo("new-secret");
    }

    @Test
    void invalidValuesGetPocketBaseCodesAndChangeNothing() {
        Response r = patch("/api/settings", Map.of(
                "meta", Map.of("accentColor", "#12345", "senderName", ""),
                "s3", Map.of("enabled", true, "endpoint", "not a url"),
                "backups", Map.of("cron", "every day", "cronMaxKeep", -1),
                "batch", Map.of("enabled", true, "maxRequests", 0, "timeout", -2, "maxBodySize", -1),
                "logs", Map.of("maxDays", -1),
                "superuserIPs", List.of("127.0.0.1", "nope")), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode data = r.get("data");
        assertThat(code(data, "meta.accentColor")).isEqualTo("validation_length_invalid");
        assertThat(code(data, "meta.senderName")).isEqualTo("validation_required");
        assertThat(code(data, "s3.endpoint")).isEqualTo("validation_is_url");
        assertThat(code(data, "s3.bucket")).isEqualTo("validation_required");
        assertThat(code(data, "s3.secret")).isEqualTo("validation_required");
        assertThat(code(data, "backups.cron")).isEqualTo("validation_invalid_cron");
        assertThat(code(data, "backups.cronMaxKeep")).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(code(data, "batch.maxRequests")).isEqualTo("validation_required");
        assertThat(code(data, "batch.timeout")).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(code(data, "batch.maxBodySize")).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(code(data, "logs.maxDays")).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(code(data, "superuserIPs.1")).isEqualTo("validation_invlaid_ip_or_subnet");
        assertThat(data.has("superuserIPs.0")).isFalse();

        assertThat(code(patch("/api/settings", Map.of("meta", Map.of("accentColor", "#12345g")), superuser())
                .get("data"), "meta.accentColor")).isEqualTo("validation_is_hex_color");
        assertThat(code(patch("/api/settings", Map.of("backups", Map.of("cron", "0 3 * * *", "cronMaxKeep", 0)),
                superuser()).get("data"), "backups.cronMaxKeep")).isEqualTo("validation_required");
        assertThat(code(patch("/api/settings", Map.of("batch", "on"), superuser()).get("data"), "batch"))
                .isEqualTo("validation_invalid_value");
        assertThat(patch("/api/settings", Map.of("backups", Map.of("cron", "@daily")), superuser()).status())
                .isEqualTo(200);

        JsonNode after = get("/api/settings", superuser()).json();
        assertThat(after.get("meta").get("accentColor").asString()).isEqualTo("#1055c9");
        assertThat(after.get("s3").get("enabled").asBoolean()).isFalse();
        assertThat(after.get("logs").get("maxDays").asInt()).isEqualTo(5);
    }

    @Test
    void superuserIPsRefuseSuperusersFromOtherAddressesAtTheNextRequest() {
        assertThat(patch("/api/settings", Map.of("superuserIPs", List.of("10.1.2.3")), superuser()).status())
                .isEqualTo(200);
        Response refused = get("/api/collections", superuser());
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(get("/api/health", null).status()).as("guests are not concerned").isEqualTo(200);
        assertThat(post("/api/collections/_superusers/auth-with-password",
                Map.of("identity", SUPERUSER_EMAIL, "password", SUPERUSER_PASSWORD), null).status())
                .as("nor can a superuser sign in from there").isEqualTo(403);

        store.update(Map.of("superuserIPs", List.of("10.0.0.0/8", "127.0.0.0/8", "::1")));
        assertThat(get("/api/collections", superuser()).status()).isEqualTo(200);
    }

    @Test
    void batchLimitsComeFromTheSettingsAtOnce() {
        Map<String, Object> twoRequests = Map.of("requests", List.of(Map.of(), Map.of()));
        assertThat(post("/api/batch", twoRequests, superuser()).body()).doesNotContain("validation_length_too_long");
        assertThat(patch("/api/settings", Map.of("batch", Map.of("maxRequests", 1)), superuser()).status())
                .isEqualTo(200);
        Response tooMany = post("/api/batch", twoRequests, superuser());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(code(tooMany.get("data"), "requests")).isEqualTo("validation_length_too_long");

        assertThat(patch("/api/settings", Map.of("batch", Map.of("enabled", false)), superuser()).status())
                .isEqualTo(200);
        assertThat(post("/api/batch", twoRequests, superuser()).status()).isEqualTo(403);
    }

    private static String code(JsonNode data, String key) {
        assertThat(data.has(key)).as(key + " in " + data).isTrue();
        return data.get(key).get("code").asString();
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }
}
