package dev.basalt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.testing.TestDatabase;
import dev.basalt.testing.TestRedis;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis going away under two nodes (a private {@code redis-server} the test stops and starts again on the same port):
 * health answers 503 naming Redis while it is away, writes still succeed (PostgreSQL holds the data), and once Redis
 * is back every node reconnects by itself: health 200 and realtime events cross nodes again.
 */
class RedisOutageTest {
    /** A port of this test's range (19400-19499). */
    private static final int REDIS_PORT = 19_431;
    private static final long WAIT_MS = 30_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void nodesReportRedisAwayAndRecoverWhenItReturns() throws Exception {
        Process redis = TestRedis.startOwn(REDIS_PORT, dir.resolve("redis"));
        String db = TestDatabase.createDatabase();
        try (ConfigurableApplicationContext a = node(db); ConfigurableApplicationContext b = node(db)) {
            a.getBean(Superusers.class).upsert("outage@example.com", "outage-pass-1");
            ClusterNode nodeA = new ClusterNode(base(a));
            ClusterNode nodeB = new ClusterNode(base(b));
            String superuser = nodeA.signIn("outage@example.com", "outage-pass-1");
            assertThat(nodeA.call("POST", "/api/collections", Map.of("name", "outage_notes", "listRule", "",
                    "viewRule", "", "createRule", "", "fields", List.of(Map.of("name", "n", "type", "number"))),
                    superuser).statusCode()).isEqualTo(200);
            assertThat(nodeA.call("GET", "/api/health", null, null).statusCode()).isEqualTo(200);

            redis.destroy();
            assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> down = awaitHealth(nodeA, 503);
            assertThat(JSON.readTree(down.body()).get("message").asString()).contains("Redis");
            awaitHealth(nodeB, 503);
            HttpResponse<String> written = nodeA.call("POST", "/api/collections/outage_notes/records",
                    Map.of("n", 1), null);
            assertThat(written.statusCode()).as("writes go on without Redis: " + written.body()).isEqualTo(200);

            redis = TestRedis.startOwn(REDIS_PORT, dir.resolve("redis"));
            awaitHealth(nodeA, 200);
            awaitHealth(nodeB, 200);
            try (ClusterNode.Stream stream = nodeB.openStream()) {
                assertThat(nodeA.subscribe(stream.clientId(), "outage_notes")).isEqualTo(204);
                HttpResponse<String> r = nodeA.call("POST", "/api/collections/outage_notes/records",
                        Map.of("n", 2), null);
                assertThat(r.statusCode()).isEqualTo(200);
                stream.awaitRecord(JSON.readTree(r.body()).get("id").asString());
            }
        } finally {
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> awaitHealth(ClusterNode node, int status) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            HttpResponse<String> r = node.call("GET", "/api/health", null, null);
            if (r.statusCode() == status) {
                return r;
            }
            assertThat(System.currentTimeMillis()).as("health " + status + ", last: " + r.body())
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    private ConfigurableApplicationContext node(String databaseUrl) throws Exception {
        return new SpringApplication(BasaltApplication.class).run("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-node"), "--basalt.db.url=" + databaseUrl,
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password(),
                "--basalt.redis.url=redis://127.0.0.1:" + REDIS_PORT, "--basalt.redis.prefix=outage:");
    }
}
