package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.BasaltApplication;
import dev.basalt.ops.internal.SecretsFailureAnalyzer;
import dev.basalt.settings.SettingsStore;
import dev.basalt.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With an encryption key the token secret and the settings (SMTP password, both S3 secrets) are stored AES-GCM-sealed in
 * {@code _params}; the server still signs tokens and reads its settings after a restart with the same key; plain
 * values are sealed on start; a wrong or missing key stops the start with one line. The rows are read with JDBC.
 */
@Tag("db")
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestTest {
    private static final String KEY = "k3y-for-the-secrets-at-rest-test";
    private static final String OTHER_KEY = "another-key-of-thirty-two-chars!";
    private static final String SMTP_PASSWORD = "smtp-Password-that-must-not-leak";
    private static final String S3_SECRET = "s3-Secret-that-must-not-leak";
    private static final String BACKUPS_SECRET = "backups-Secret-that-must-not-leak";
    private static final String EMAIL = "admin@example.com";
    private static final String PASSWORD = "correct-horse-battery";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String db = TestDatabase.createDatabase();

    @Test
    void withAKeyNoSecretIsStoredPlainAndARestartWithTheSameKeyReadsThem() throws Exception {
        String token;
        String tokenSecret;
        try (ConfigurableApplicationContext app = start("--BASALT_ENCRYPTION_KEY=" + KEY)) {
            token = signIn(app);
            saveSmtp(app, token);
            tokenSecret = app.getBean(TokenSecret.class).get();
        }
        Map<String, String> rows = paramsRows();
        assertThat(rows).containsOnlyKeys("settings", "tokenSecret");
        assertThat(rows.values()).allSatisfy(v -> assertThat(v).startsWith("\"enc:v1:")
                .doesNotContain(SMTP_PASSWORD).doesNotContain(tokenSecret).doesNotContain("smtp.example.org")
                .doesNotContain(S3_SECRET).doesNotContain(BACKUPS_SECRET));

        try (ConfigurableApplicationContext app = start("--BASALT_ENCRYPTION_KEY=" + KEY)) {
            JsonNode settings = getSettings(app, token);
            assertThat(settings.get("smtp").get("host").asString()).isEqualTo("smtp.example.org");
            assertThat(settings.get("smtp").has("password")).isFalse();
            assertThat(settings.get("s3").has("secret")).isFalse();
            assertThat(settings.get("s3").get("accessKey").asString()).isEqualTo("s3-key");
            assertThat(app.getBean(SettingsStore.class).current().s3().secret()).isEqualTo(S3_SECRET);
            assertThat(app.getBean(SettingsStore.class).current().backups().s3().secret()).isEqualTo(BACKUPS_SECRET);
            assertThat(signIn(app)).isNotBlank();
            assertThat(app.getBean(TokenSecret.class).get()).isEqualTo(tokenSecret);
        }
        assertThat(paramsRows()).isEqualTo(rows);
    }

    @Test
    void plainSecretsWrittenWithoutAKeyAreEncryptedOnTheFirstStartWithOne() throws Exception {
        String token;
        try (ConfigurableApplicationContext app = start()) {
            token = signIn(app);
            saveSmtp(app, token);
        }
        assertThat(paramsRows().get("settings")).contains(SMTP_PASSWORD).contains(S3_SECRET);
        assertThat(paramsRows().get("tokenSecret")).doesNotStartWith("\"enc:v1:");

        try (ConfigurableApplicationContext app = start("--basalt.encryption-env=MY_SECRETS_KEY",
                "--MY_SECRETS_KEY=" + KEY)) {
            assertThat(paramsRows().values()).allSatisfy(v -> assertThat(v).startsWith("\"enc:v1:")
                    .doesNotContain(SMTP_PASSWORD).doesNotContain(S3_SECRET).doesNotContain(BACKUPS_SECRET));
            assertThat(getSettings(app, token).get("smtp").get("host").asString()).isEqualTo("smtp.example.org");
        }
    }

    @Test
    void aWrongKeyStopsTheStartWithOneLine(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = start("--BASALT_ENCRYPTION_KEY=" + KEY)) {
            saveSmtp(app, signIn(app));
        }
        int before = output.getAll().length();

        Throwable failure = startFailure("--BASALT_ENCRYPTION_KEY=" + OTHER_KEY);

        assertThat(new SecretsFailureAnalyzer().analyze(failure).getDescription()).isEqualTo(
                "Cannot decrypt the stored secrets ('tokenSecret' in _params) with the key in BASALT_ENCRYPTION_KEY: "
                        + "it is not the key they were encrypted with (or the value was altered).");
        assertThat(output.getAll().substring(before))
                .contains("Cannot decrypt the stored secrets ('tokenSecret' in _params)")
                .doesNotContain(KEY).doesNotContain(OTHER_KEY).doesNotContain("\tat ")
                .doesNotContain("Error starting Tomcat context");
    }

    @Test
    void encryptedSecretsWithoutAKeyOrABadKeyStopTheStartWithOneLine(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = start("--BASALT_ENCRYPTION_KEY=" + KEY)) {
            signIn(app);
        }
        int before = output.getAll().length();

        assertThat(new SecretsFailureAnalyzer().analyze(startFailure()).getDescription()).startsWith(
                "The stored secrets ('tokenSecret' in _params) are encrypted, but no encryption key is set");
        assertThat(new SecretsFailureAnalyzer().analyze(startFailure("--BASALT_ENCRYPTION_KEY=too-short"))
                .getDescription()).isEqualTo("Invalid configuration: BASALT_ENCRYPTION_KEY must hold a key of "
                + "exactly 32 ASCII characters (it has 9).");
        assertThat(new SecretsFailureAnalyzer().analyze(startFailure("--basalt.encryption-env=UNSET_KEY_VARIABLE"))
                .getDescription()).isEqualTo("Invalid configuration: --encryptionEnv names UNSET_KEY_VARIABLE, "
                + "which is not set (it must hold the 32-character encryption key).");
        // Only what the failing starts printed. Tomcat's thread-leak warning on close (Hikari's housekeeper may
        // outlive the pool by a moment) is not ours to judge, so no check on "Stack trace of thread".
        assertThat(output.getAll().substring(before)).doesNotContain("\tat ").doesNotContain("too-short")
                .doesNotContain("Error starting Tomcat context");
    }

    private ConfigurableApplicationContext start(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-secrets-test"),
                "--basalt.db.url=" + db, "--basalt.db.user=" + TestDatabase.user(),
                "--basalt.db.password=" + TestDatabase.password(), "--basalt.sign-in-guard.enabled=false"));
        args.addAll(List.of(extra));
        return new SpringApplication(BasaltApplication.class).run(args.toArray(String[]::new));
    }

    private Throwable startFailure(String... extra) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> start(extra).close()).satisfies(t -> failure[0] = t);
        return failure[0];
    }

    /** Every {@code _params} row's stored value, as PostgreSQL holds it. */
    private Map<String, String> paramsRows() throws Exception {
        try (Connection c = DriverManager.getConnection(db, TestDatabase.user(), TestDatabase.password())) {
            Map<String, String> rows = new TreeMap<>();
            DSL.using(c).select(DSL.field(DSL.name("key"), String.class), DSL.field(DSL.name("value"), String.class))
                    .from(DSL.table(DSL.name("_params"))).fetch().forEach(r -> rows.put(r.value1(), r.value2()));
            return rows;
        }
    }

    private static String signIn(ConfigurableApplicationContext app) throws Exception {
        app.getBean(Superusers.class).upsert(EMAIL, PASSWORD);
        JsonNode body = send(app, "POST", "/api/collections/_superusers/auth-with-password", null,
                "{\"identity\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}");
        return body.get("token").asString();
    }

    private static void saveSmtp(ConfigurableApplicationContext app, String token) throws Exception {
        send(app, "PATCH", "/api/settings", token, "{\"smtp\":{\"enabled\":false,\"host\":\"smtp.example.org\","
                + "\"port\":587,\"username\":\"me\",\"password\":\"" + SMTP_PASSWORD + "\"},"
                + "\"s3\":{\"accessKey\":\"s3-key\",\"secret\":\"" + S3_SECRET + "\"},"
                + "\"backups\":{\"s3\":{\"secret\":\"" + BACKUPS_SECRET + "\"}}}");
    }

    private static JsonNode getSettings(ConfigurableApplicationContext app, String token) throws Exception {
        return send(app, "GET", "/api/settings", token, null);
    }

    private static JsonNode send(ConfigurableApplicationContext app, String method, String path, String token,
                                 String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + app.getEnvironment().getProperty("local.server.port") + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
