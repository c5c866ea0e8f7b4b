package dev.basalt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ReadmeBlocks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP, SSE and nginx helpers for {@link ClusterProcessesTest}: a client of one base URL. */
final class ClusterNode {
    /** The balancer's port in the README's example, and its first node's (the others follow). */
    static final int README_PORT = 8090;
    static final int README_NODE_PORT = 8091;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(360);
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(15);
    private final String base;

    ClusterNode(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void awaitHealthy(Process process, int port) throws Exception {
        ClusterNode node = new ClusterNode("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("node on port " + port + " exited early").isTrue();
            if (node.healthy()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node on port " + port + " did not become healthy");
    }

    void awaitUp() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!healthy()) {
            assertThat(System.nanoTime()).as("balancer up").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private boolean healthy() throws InterruptedException {
        try {
            return call("GET", "/api/health", null, null).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * Starts nginx in the foreground with the README's configuration (its {@code nginx} block marked
     * {@code <!-- test: cluster -->}), only the ports changed: the nodes' and {@code port} for the balancer.
     */
    static Process startNginx(Path dir, int port, int[] nodePorts) throws IOException {
        Files.createDirectories(dir);
        String readme = ReadmeBlocks.marked("cluster", "nginx");
        for (int i = 0; i < nodePorts.length; i++) {
            readme = replaceOnce(readme, "server 127.0.0.1:" + (README_NODE_PORT + i) + " ",
                    "server 127.0.0.1:" + nodePorts[i] + " ");
        }
        readme = replaceOnce(readme, "listen " + README_PORT + ";", "listen 127.0.0.1:" + port + ";");
        String d = dir.toAbsolutePath().toString();
        // around the README's upstream and server blocks: what a standalone, unprivileged nginx.conf needs
        String conf = "worker_processes 1;\npid " + d + "/nginx.pid;\nerror_log " + d + "/error.log;\n"
                + "events { worker_connections 1024; }\n"
                + "http {\n  access_log off;\n  client_body_temp_path " + d + "/body;\n  proxy_temp_path " + d
                + "/proxy;\n  fastcgi_temp_path " + d + "/fcgi;\n  uwsgi_temp_path " + d + "/uwsgi;\n"
                + "  scgi_temp_path " + d + "/scgi;\n" + readme + "}\n";
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        return new ProcessBuilder("nginx", "-c", file.toString(), "-p", d, "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    }

    HttpResponse<String> call(String method, String path, Object body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String signIn(String email, String password) throws Exception {
        HttpResponse<String> r = call("POST", "/api/collections/_superusers/auth-with-password",
                Map.of("identity", email, "password", password), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asString();
    }

    /** Creates a record in {@code load}; returns its id only when the server acknowledged it with 200. */
    String create(Map<String, Object> values) throws Exception {
        HttpResponse<String> r = call("POST", "/api/collections/load/records", values, null);
        if (r.statusCode() != 200) {
            throw new IOException("not acknowledged: " + r.statusCode());
        }
        return JSON.readTree(r.body()).get("id").asString();
    }

    int subscribe(String clientId, String topic) throws Exception {
        return call("POST", "/api/realtime", Map.of("clientId", clientId, "subscriptions", List.of(topic)), null)
                .statusCode();
    }

    Stream openStream() throws Exception {
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/realtime")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        return new Stream(r.body());
    }

    /** One SSE connection: its client id and the ids of the records it has been told about. */
    static final class Stream implements AutoCloseable {
        private final InputStream in;
        private final Set<String> records = ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.CompletableFuture<String> clientId = new java.util.concurrent.CompletableFuture<>();
        private volatile boolean ended;

        Stream(InputStream in) {
            this.in = in;
            Thread.ofPlatform().daemon().start(this::read);
        }

        private void read() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("data:")) {
                        JsonNode data = JSON.readTree(line.substring(5).trim());
                        if (data.has("clientId")) {
                            clientId.complete(data.get("clientId").asString());
                        } else if (data.has("record")) {
                            records.add(data.get("record").get("id").asString());
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the connection ended
            } finally {
                ended = true;
            }
        }

        String clientId() throws Exception {
            return clientId.get(EVENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean ended() {
            return ended;
        }

        void awaitRecord(String id) throws InterruptedException {
            long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
            while (!records.contains(id)) {
                assertThat(System.nanoTime()).as("event for record " + id).isLessThan(deadline);
                Thread.sleep(5);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Replaces the one occurrence of {@code from}; fails when the README no longer has it. */
    static String replaceOnce(String text, String from, String to) {
        if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
            throw new AssertionError("README cluster example: expected one '" + from + "' in:\n" + text);
        }
        return text.replace(from, to);
    }
}
