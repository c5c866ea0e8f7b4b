package dev.basalt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.testing.TestDatabase;
import dev.basalt.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes on one database and one Redis ({@code BASALT_REDIS_URL}): realtime events and forwarded subscriptions
 * travel over Redis pub/sub (seen by a test subscriber on the nodes' channels), and a rate limit holds for the cluster,
 * not per node.
 */
class RedisClusterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EMAIL = "redis-root@example.com";
    private static final String PASSWORD = "redis-root-pass-1";
    private static final int SAMPLES = 40;
    private static final String PREFIX = TestRedis.uniquePrefix();
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static ClusterNode nodeA;
    private static ClusterNode nodeB;
    private static String superuser;

    @BeforeAll
    static void start() throws Exception {
        String url = TestDatabase.createDatabase();
        a = node(url);
        b = node(url);
        a.getBean(Superusers.class).upsert(EMAIL, PASSWORD);
        nodeA = new ClusterNode("http://127.0.0.1:" + a.getEnvironment().getProperty("local.server.port"));
        nodeB = new ClusterNode("http://127.0.0.1:" + b.getEnvironment().getProperty("local.server.port"));
        superuser = nodeA.signIn(EMAIL, PASSWORD);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        TestRedis.deleteKeys(TestRedis.url(), PREFIX);
    }

    static ConfigurableApplicationContext node(String databaseUrl) throws Exception {
        return new SpringApplication(BasaltApplication.class).run("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-node"), "--basalt.db.url=" + databaseUrl,
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password(),
                "--basalt.redis.url=" + TestRedis.url(), "--basalt.redis.prefix=" + PREFIX);
    }

    @Test
    void realtimeEventsAndForwardedSubscriptionsTravelOverRedis() throws Exception {
        assertThat(nodeA.call("POST", "/api/collections", Map.of("name", "redis_notes", "listRule", "",
                "viewRule", "", "createRule", "", "fields", List.of(Map.of("name", "n", "type", "number"))),
                superuser).statusCode()).isEqualTo(200);
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisPubSubConnection<String, String> sniffer = client.connectPubSub();
             ClusterNode.Stream stream = nodeB.openStream()) {
            sniffer.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    seen.computeIfAbsent(channel.substring(PREFIX.length()), c -> new AtomicInteger())
                            .incrementAndGet();
                }
            });
            sniffer.sync().subscribe(PREFIX + "basalt_realtime", PREFIX + "basalt_realtime_subscribe");
            assertThat(nodeA.subscribe(stream.clientId(), "redis_notes"))
                    .as("a subscribe POST on A for B's client, forwarded over Redis").isEqualTo(204);

            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                long sent = System.nanoTime();
                HttpResponse<String> r = nodeA.call("POST", "/api/collections/redis_notes/records",
                        Map.of("n", i), null);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                stream.awaitRecord(JSON.readTree(r.body()).get("id").asString());
                latencies.add((System.nanoTime() - sent) / 1_000_000);
            }
            latencies.sort(Long::compare);
            System.out.printf("[cluster-redis] create on A to event on B's client: p50 %d ms, p99 %d ms (%d)%n",
                    latencies.get(SAMPLES / 2), latencies.get(SAMPLES * 99 / 100), SAMPLES);
            assertThat(seen.getOrDefault("basalt_realtime_subscribe", new AtomicInteger()).get()).isPositive();
            assertThat(seen.getOrDefault("basalt_realtime", new AtomicInteger()).get())
                    .as("every change published on Redis").isGreaterThanOrEqualTo(SAMPLES);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aRateLimitHoldsForTheClusterNotPerNode() throws Exception {
        assertThat(nodeA.call("POST", "/api/collections", Map.of("name", "redis_limited", "listRule", ""),
                superuser).statusCode()).isEqualTo(200);
        String list = "/api/collections/redis_limited/records";
        try {
            assertThat(nodeA.call("PATCH", "/api/settings", Map.of("rateLimits", Map.of("enabled", true,
                    "rules", List.of(Map.of("label", "redis_limited:list", "maxRequests", 4, "duration", 60)))),
                    superuser).statusCode()).isEqualTo(200);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add((i % 2 == 0 ? nodeA : nodeB).call("GET", list, null, null).statusCode());
            }
            // per node, each would allow 4 of its 3 requests; together the cluster allows 4 of 6
            assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429);
        } finally {
            assertThat(nodeA.call("PATCH", "/api/settings", Map.of("rateLimits", Map.of("enabled", false)),
                    superuser).statusCode()).isEqualTo(200);
        }
    }
}
