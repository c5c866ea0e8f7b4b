package dev.basalt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.cli.BasaltMain;
import dev.basalt.testing.ReadmeBlocks;
import dev.basalt.testing.S3Server;
import dev.basalt.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real {@code basalt serve} processes on one PostgreSQL and one data directory behind nginx (Debian's package)
 * as a round-robin load balancer: the official SDK suite passes through the balancer unchanged (but for the
 * rate-limit file, see {@link #runSdkSuite}), then under a bounded write load one
 * node is killed with SIGKILL: no acknowledged write is lost, a realtime client of that node reconnects through the
 * balancer and receives the next events, and the node rejoins when started again. A second run adds Redis
 * ({@code BASALT_REDIS_URL}): the SDK's realtime, OAuth2 redirect, settings and rate-limit files (the limits now
 * hold for the cluster) pass through the balancer, and realtime latency is measured as in the first run.
 */
@Tag("compat")
@ExtendWith(S3Server.class)
class ClusterProcessesTest {
    private static final String EMAIL = "cluster-superuser@example.com";
    private static final String PASSWORD = "cluster-Superuser-Pass-1";
    private static final int NODES = 3;
    private static final int WRITERS = 4;
    /** How long the write load runs before and after the kill. */
    private static final long LOAD_PHASE_MS = 3_000;
    /** Creates timed from the request to the event on every node's client. */
    private static final int LATENCY_SAMPLES = 100;
    /** The SDK files the Redis run repeats: the ones that cross nodes through Redis or count in it. */
    private static final Set<String> REDIS_SDK_FILES = Set.of("realtime.test.mjs", "oauth2-redirect.test.mjs",
            "settings.test.mjs", "rate-limits.test.mjs", "health.test.mjs");

    @TempDir
    Path dir;

    private final List<Process> nodes = new ArrayList<>();
    private final int[] ports = new int[NODES];
    private final Map<String, String> env = new HashMap<>();
    private Process nginx;
    private ClusterNode cluster;

    @AfterEach
    void stopAll() throws InterruptedException {
        if (nginx != null) {
            nginx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (Process p : nodes) {
            if (p != null && p.isAlive()) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    @Test
    void threeNodesBehindNginxBehaveAsOneServer() throws Exception {
        String url = startCluster();
        runSdkSuite(cluster.base());
        List<ClusterNode.Stream> streams = measureRealtime("postgres");

        // bounded write load; node 1 is killed halfway
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; writing.get(); n++) {
                    try {
                        acknowledged.add(cluster.create(Map.of("n", writer * 1_000_000 + n)));
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(LOAD_PHASE_MS);
        int killedPort = ports[1];
        nodes.get(1).destroyForcibly();
        assertThat(nodes.get(1).waitFor(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(LOAD_PHASE_MS);
        writing.set(false);
        for (Thread t : writers) {
            t.join();
        }
        Set<String> stored = storedIds(url);
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        System.out.printf("[cluster] kill -9 under load: %d acknowledged, %d stored, %d lost, %d not acknowledged%n",
                acknowledged.size(), stored.size(), lost.size(), refused.get());
        assertThat(acknowledged.size()).isGreaterThan(50);
        assertThat(lost).as("acknowledged writes missing after kill -9").isEmpty();

        // realtime clients of the killed node see their stream end, reconnect through the balancer and receive on
        int reconnected = 0;
        List<ClusterNode.Stream> live = new ArrayList<>();
        for (ClusterNode.Stream s : streams) {
            if (s.ended()) {
                ClusterNode.Stream again = cluster.openStream();
                assertThat(cluster.subscribe(again.clientId(), "load")).isEqualTo(204);
                live.add(again);
                reconnected++;
            } else {
                live.add(s);
            }
        }
        assertThat(reconnected).as("the killed node's realtime client lost its stream").isGreaterThanOrEqualTo(1);
        String after = cluster.create(Map.of("n", -100));
        for (ClusterNode.Stream s : live) {
            s.awaitRecord(after);
        }

        // the node rejoins: started again on its port, it serves the records written while it was down
        nodes.set(1, startNode(1));
        awaitHealthy(nodes.get(1), killedPort);
        ClusterNode direct = new ClusterNode("http://127.0.0.1:" + killedPort);
        String rejoined = direct.create(Map.of("n", -200));
        for (ClusterNode.Stream s : live) {
            s.awaitRecord(rejoined);
        }
        assertThat(direct.call("GET", "/api/collections/load/records/" + acknowledged.iterator().next(), null, null)
                .statusCode()).isEqualTo(200);
        for (ClusterNode.Stream s : live) {
            s.close();
        }
    }

    @Test
    void threeNodesWithRedisBehindNginxShareRealtimeAndRateLimits() throws Exception {
        String prefix = dev.basalt.testing.TestRedis.uniquePrefix();
        env.put("BASALT_REDIS_URL", dev.basalt.testing.TestRedis.url());
        env.put("BASALT_REDIS_PREFIX", prefix);
        try {
            startCluster();
            try (TestMailbox mailbox = new TestMailbox();
                 dev.basalt.testing.FakeOidcProvider oidc = new dev.basalt.testing.FakeOidcProvider()) {
                SdkCompatibilityTest.runSuite(cluster.base(), EMAIL, PASSWORD, mailbox, oidc,
                        REDIS_SDK_FILES::contains);
            }
            for (ClusterNode.Stream s : measureRealtime("redis")) {
                s.close();
            }
        } finally {
            dev.basalt.testing.TestRedis.deleteKeys(dev.basalt.testing.TestRedis.url(), prefix);
        }
    }

    /** Starts the nodes on a new database, a superuser and nginx; returns the database's URL. */
    private String startCluster() throws Exception {
        String url = TestDatabase.createDatabase();
        assertThat(ReadmeBlocks.marked("cluster", "sh")).contains("export BASALT_DB_URL=");
        env.put("BASALT_DB_URL", url);
        env.put("BASALT_DB_USER", TestDatabase.user());
        env.put("BASALT_DB_PASSWORD", TestDatabase.password());
        for (int i = 0; i < NODES; i++) {
            ports[i] = ClusterNode.freePort();
            nodes.add(startNode(i));
        }
        for (int i = 0; i < NODES; i++) {
            awaitHealthy(nodes.get(i), ports[i]);
        }
        Process upsert = java("superuser", "upsert", EMAIL, PASSWORD, "--dir=" + dir.resolve("cli"));
        assertThat(upsert.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(upsert.exitValue()).isZero();
        int lbPort = ClusterNode.freePort();
        nginx = ClusterNode.startNginx(dir.resolve("nginx"), lbPort, ports);
        cluster = new ClusterNode("http://127.0.0.1:" + lbPort);
        cluster.awaitUp();
        return url;
    }

    /**
     * Opens one realtime client per node (round robin), each subscribed through the balancer (any node), and times
     * creates through the balancer until the event reached all of them; returns the open streams.
     */
    private List<ClusterNode.Stream> measureRealtime(String transport) throws Exception {
        String token = cluster.signIn(EMAIL, PASSWORD);
        assertThat(cluster.call("POST", "/api/collections", Map.of("name", "load", "listRule", "", "viewRule", "",
                "createRule", "", "fields", List.of(Map.of("name", "n", "type", "number"))), token).statusCode())
                .isEqualTo(200);
        List<ClusterNode.Stream> streams = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            ClusterNode.Stream s = cluster.openStream();
            for (int k = 0; k < NODES; k++) {
                assertThat(cluster.subscribe(s.clientId(), "load")).as("subscribe POST through the balancer")
                        .isEqualTo(204);
            }
            streams.add(s);
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            long sent = System.nanoTime();
            String id = cluster.create(Map.of("n", -1 - i));
            for (ClusterNode.Stream s : streams) {
                s.awaitRecord(id);
            }
            latencies.add((System.nanoTime() - sent) / 1_000_000);
        }
        latencies.sort(Long::compare);
        System.out.printf("[cluster] %s: create through the balancer to event on all %d clients: p50 %d ms, "
                        + "p99 %d ms, max %d ms (%d samples)%n", transport, NODES, latencies.get(LATENCY_SAMPLES / 2),
                latencies.get(LATENCY_SAMPLES * 99 / 100), latencies.get(LATENCY_SAMPLES - 1), LATENCY_SAMPLES);
        return streams;
    }

    private void runSdkSuite(String base) throws Exception {
        try (TestMailbox mailbox = new TestMailbox();
             dev.basalt.testing.FakeOidcProvider oidc = new dev.basalt.testing.FakeOidcProvider()) {
            // rate-limit counters are per node without a shared store (README): a round-robin client gets N times
            // the limit, so the one file that counts to a 429 is left out here (it runs in SdkCompatibilityTest)
            // (and the README's, single-server: its ./basalt commands run in several JVMs; SdkCompatibilityTest runs it)
            SdkCompatibilityTest.runSuite(base, EMAIL, PASSWORD, mailbox, oidc,
                    Set.of("rate-limits.test.mjs", "readme.test.mjs"));
        }
    }

    private Process startNode(int i) throws IOException {
        // as the README starts node i (its sh block marked <!-- test: cluster -->), with this test's port and a
        // directory shared by all nodes, as on a shared filesystem
        List<String> serves = ReadmeBlocks.marked("cluster", "sh").lines()
                .filter(l -> l.startsWith("./basalt serve ")).toList();
        assertThat(serves).as("README's cluster example starts %d nodes", NODES).hasSize(NODES);
        String line = ClusterNode.replaceOnce(serves.get(i), "127.0.0.1:" + (ClusterNode.README_NODE_PORT + i),
                "127.0.0.1:" + ports[i]);
        line = ClusterNode.replaceOnce(line, "--dir=./shared", "--dir=" + dir.resolve("shared"));
        return java(line.replaceFirst("^\\./basalt ", "").replaceFirst("\\s*&\\s*$", "").split("\\s+"));
    }

    /** Waits for a node; if it exits or never answers, the failure carries the end of every process log. */
    private void awaitHealthy(Process node, int port) throws Exception {
        try {
            ClusterNode.awaitHealthy(node, port);
        } catch (AssertionError e) {
            StringBuilder logs = new StringBuilder(e.getMessage());
            try (var files = Files.list(dir)) {
                for (Path log : files.filter(f -> f.getFileName().toString().startsWith("process-")).sorted()
                        .toList()) {
                    List<String> lines = Files.readAllLines(log);
                    logs.append("\n--- ").append(log.getFileName()).append(" (last 30 lines)\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
                }
            }
            throw new AssertionError(logs.toString(), e);
        }
    }

    private Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1"); // quicker start on a busy 2-core machine
        // the SDK suite makes dozens of deliberate wrong sign-ins; SignInGuardHttpTest covers the guard
        command.add("-Dbasalt.sign-in-guard.enabled=false");
        command.add("-Dbasalt.rate-limits.default-enabled=false");
        // as SdkCompatibilityTest: mappedFields.avatarURL downloads from the test's OpenID provider on 127.0.0.1
        command.add("-Dbasalt.oauth2.avatar-private-addresses=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BasaltMain.class.getName());
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path log = dir.resolve("process-" + System.nanoTime() + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static Set<String> storedIds(String url) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             ResultSet rs = c.createStatement().executeQuery("select id from load")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
