package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Without saved settings, sign-ins are rate limited (PocketBase's *:auth rule: 2 per 3 seconds per IP). */
@Tag("db")
class DefaultRateLimitTest {

    @Test
    void signInIsRateLimitedOutOfTheBox() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplication(BasaltApplication.class).run("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-ratelimit"),
                "--basalt.db.url=" + TestDatabase.createDatabase(), "--basalt.db.user=" + TestDatabase.user(),
                "--basalt.db.password=" + TestDatabase.password())) {
            String url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                    + "/api/collections/_superusers/auth-with-password";
            HttpClient http = HttpClient.newHttpClient();
            int[] statuses = new int[3];
            for (int i = 0; i < statuses.length; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"identity\":\"nobody@example.com\",\"password\":\"wrong-password\"}")).build();
                statuses[i] = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            }
            assertThat(statuses).containsExactly(400, 400, 429);
        }
    }
}
