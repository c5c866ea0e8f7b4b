package dev.basalt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With its PostgreSQL stopped (a real server shut down under the running app), requests answer 503 in
 * PocketBase's shape within the pool's wait, from the controllers and from the auth filter, and
 * {@code /api/health} keeps answering.
 */
class DatabaseOutageHttpTest {
    /** The pool waits 3 s for a connection; the rest is slack for a loaded machine. */
    private static final Duration FAST = Duration.ofSeconds(6);
    private static final String BODY = "{\"status\":503,\"message\":\"The database is unavailable, please try again "
            + "later.\",\"data\":{}}";
    private static EmbeddedPostgres postgres;
    private static OpsTestApplication app;
    private static String token;

    @BeforeAll
    static void startThenStopTheDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("basalt-outage-pg"))
                .setCleanDataDirectory(true).setServerConfig("fsync", "off").start();
        app = OpsTestApplication.startOn(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        app.context.getBean(dev.basalt.auth.Superusers.class).upsert("outage@example.com", "outage-password-1");
        HttpResponse<String> signIn = app.postJson("/api/collections/_superusers/auth-with-password",
                "{\"identity\":\"outage@example.com\",\"password\":\"outage-password-1\"}");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        token = signIn.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
        postgres.close();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRequestThatNeedsTheDatabaseGets503Fast() {
        HttpResponse<String> r = timed(() -> app.postJson("/api/collections/_superusers/auth-with-password",
                "{\"identity\":\"outage@example.com\",\"password\":\"outage-password-1\"}"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo(BODY);
    }

    @Test
    void aTokenThatCannotBeCheckedGets503FromTheAuthFilter() {
        HttpResponse<String> r = timed(() -> app.get("/api/collections/_superusers/records", "Bearer " + token));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo(BODY);
    }

    @Test
    void healthKeepsAnswering() {
        HttpResponse<String> r = timed(() -> app.get("/api/health"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("\"status\":503").contains("database");
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        HttpResponse<String> r = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("answered " + r.statusCode() + " in " + took.toMillis() + " ms");
        assertThat(took).as("answer time").isLessThan(FAST);
        return r;
    }
}
