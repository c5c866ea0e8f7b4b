package dev.basalt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * PocketBase's superuser commands as a user runs them: {@code create}, {@code update}, {@code delete} and
 * {@code otp} in child processes, checked against a running server on the same database.
 */
@Tag("db")
class SuperuserCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EMAIL = "cli-admin@example.com";

    @TempDir
    Path dir;

    private final String dbUrl = TestDatabase.createDatabase();

    @Test
    void createUpdateOtpAndDeleteASuperuser() throws Exception {
        CliProcess.Run created = cli("create", EMAIL, "first-password-1");
        assertThat(created.exit()).as(created.output()).isZero();
        assertThat(created.output()).contains("Created superuser " + EMAIL);
        CliProcess.Run again = cli("create", EMAIL, "first-password-1");
        assertThat(again.exit()).as("the email is taken").isEqualTo(1);
        assertThat(again.output()).contains("Error:");
        CliProcess.Run noOtp = cli("otp", EMAIL);
        assertThat(noOtp.exit()).isEqualTo(1);
        assertThat(noOtp.output()).contains("OTP auth is not enabled");
        assertThat(cli("update", EMAIL, "second-password-2").exit()).isZero();

        try (ConfigurableApplicationContext app = new SpringApplication(BasaltApplication.class).run(
                "--server.port=0", "--basalt.dir=" + dir.resolve("server"), "--basalt.db.url=" + dbUrl,
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password())) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            String auth = base + "/api/collections/_superusers/";
            assertThat(post(auth + "auth-with-password", Map.of("identity", EMAIL, "password", "first-password-1"),
                    null).statusCode()).as("the old password is gone").isEqualTo(400);
            HttpResponse<String> signedIn = post(auth + "auth-with-password",
                    Map.of("identity", EMAIL, "password", "second-password-2"), null);
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
            String token = JSON.readTree(signedIn.body()).get("token").asString();
            HttpResponse<String> enabled = send("PATCH", base + "/api/collections/_superusers",
                    Map.of("otp", Map.of("enabled", true)), token);
            assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);

            CliProcess.Run otp = cli("otp", EMAIL);
            assertThat(otp.exit()).as(otp.output()).isZero();
            Matcher id = Pattern.compile("Id:\\s+(\\S+)").matcher(otp.output());
            Matcher pass = Pattern.compile("Pass:\\s+(\\d+)").matcher(otp.output());
            assertThat(id.find() && pass.find()).as(otp.output()).isTrue();
            HttpResponse<String> withOtp = post(auth + "auth-with-otp",
                    Map.of("otpId", id.group(1), "password", pass.group(1)), null);
            assertThat(withOtp.statusCode()).as(withOtp.body()).isEqualTo(200);

            CliProcess.Run deleted = cli("delete", EMAIL);
            assertThat(deleted.exit()).as(deleted.output()).isZero();
            assertThat(deleted.output()).contains("Deleted superuser " + EMAIL);
            assertThat(post(auth + "auth-with-password", Map.of("identity", EMAIL, "password", "second-password-2"),
                    null).statusCode()).isEqualTo(400);
        }
    }

    private CliProcess process;

    private CliProcess.Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("superuser");
        command.addAll(List.of(args));
        command.add("--dir=" + dir.resolve("cli"));
        if (process == null) {
            process = new CliProcess(dbUrl, dir, Duration.ofSeconds(120));
        }
        return process.run(command);
    }

    private static HttpResponse<String> post(String url, Object body, String token)
            throws IOException, InterruptedException {
        return send("POST", url, body, token);
    }

    private static HttpResponse<String> send(String method, String url, Object body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
