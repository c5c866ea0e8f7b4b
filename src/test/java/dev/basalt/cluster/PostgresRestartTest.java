package dev.basalt.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL restarted under a write load spread over two nodes. The test owns the server (an embedded PostgreSQL
 * on a port of its own, stopped and started again on the same port and data directory): both nodes answer health 503
 * while it is down and 200 once it is back, by themselves; every write answered 200 is stored, and realtime events
 * cross nodes again afterwards (the signal listener reconnected).
 */
class PostgresRestartTest {
    /** A port of this test's range (19400-19499). */
    private static final int PG_PORT = 19_432;
    private static final int WRITERS = 4;
    private static final long LOAD_PHASE_MS = 2_500;
    private static final long WAIT_MS = 60_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setPort(PG_PORT).setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false).setServerConfig("max_connections", "100").start();
    }

    @Test
    void everyNodeRecoversByItselfAndNoAcknowledgedWriteIsLost() throws Exception {
        EmbeddedPostgres pg = start();
        String url = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/postgres";
        try (ConfigurableApplicationContext a = node(url); ConfigurableApplicationContext b = node(url)) {
            a.getBean(Superusers.class).upsert("restart@example.com", "restart-pass-1");
            String[] bases = {base(a), base(b)};
            String token = JSON.readTree(call(bases[0], "POST", "/api/collections/_superusers/auth-with-password",
                    Map.of("identity", "restart@example.com", "password", "restart-pass-1")).body())
                    .get("token").asString();
            HttpResponse<String> made = HTTP.send(request(bases[0], "POST", "/api/collections", Map.of(
                    "name", "restart_load", "listRule", "", "viewRule", "", "createRule", "",
                    "fields", List.of(Map.of("name", "n", "type", "number"))))
                    .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(made.statusCode()).as(made.body()).isEqualTo(200);

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; writing.get(); n++) {
                        try {
                            HttpResponse<String> r = call(bases[n % 2], "POST",
                                    "/api/collections/restart_load/records", Map.of("n", writer * 1_000_000 + n));
                            if (r.statusCode() == 200) {
                                acknowledged.add(JSON.readTree(r.body()).get("id").asString());
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (Exception e) {
                            refused.incrementAndGet();
                        }
                    }
                }));
            }
            Thread.sleep(LOAD_PHASE_MS);
            long stopped = System.nanoTime();
            pg.close();
            for (String base : bases) {
                awaitHealth(base, 503);
            }
            int beforeRestart = acknowledged.size();
            pg = start();
            for (String base : bases) {
                awaitHealth(base, 200);
            }
            long downMs = (System.nanoTime() - stopped) / 1_000_000;
            Thread.sleep(LOAD_PHASE_MS);
            writing.set(false);
            for (Thread t : writers) {
                t.join();
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(storedIds(url));
            System.out.printf("[cluster] PostgreSQL restart under load: %d acknowledged (%d after the restart), "
                            + "%d refused, %d lost; health back to 200 on both nodes %d ms after the stop%n",
                    acknowledged.size(), acknowledged.size() - beforeRestart, refused.get(), lost.size(), downMs);
            assertThat(lost).as("acknowledged writes missing after the restart").isEmpty();
            assertThat(acknowledged.size() - beforeRestart).as("writes succeed again after the restart")
                    .isGreaterThan(10);

            // the signal listeners reconnected: an event created on A reaches a client of B
            HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(bases[1]
                    + "/api/realtime")).build(), HttpResponse.BodyHandlers.ofInputStream());
            RealtimeProbe probe = new RealtimeProbe(stream.body());
            assertThat(call(bases[0], "POST", "/api/realtime", Map.of("clientId", probe.clientId(),
                    "subscriptions", List.of("restart_load"))).statusCode()).isEqualTo(204);
            HttpResponse<String> r = call(bases[0], "POST", "/api/collections/restart_load/records", Map.of("n", -1));
            assertThat(r.statusCode()).isEqualTo(200);
            probe.awaitRecord(JSON.readTree(r.body()).get("id").asString());
            stream.body().close();
        } finally {
            pg.close();
        }
    }

    private static void awaitHealth(String base, int status) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            try {
                if (call(base, "GET", "/api/health", null).statusCode() == status) {
                    return;
                }
            } catch (IOException e) {
                // the node is busy: try again
            }
            assertThat(System.currentTimeMillis()).as(base + " health " + status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static HttpRequest.Builder request(String base, String method, String path, Object body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
    }

    private static HttpResponse<String> call(String base, String method, String path, Object body)
            throws IOException, InterruptedException {
        return HTTP.send(request(base, method, path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    private ConfigurableApplicationContext node(String url) throws Exception {
        return new SpringApplication(BasaltApplication.class).run("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-node"), "--basalt.db.url=" + url,
                "--basalt.db.user=postgres");
    }

    private static Set<String> storedIds(String url) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select id from restart_load")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
