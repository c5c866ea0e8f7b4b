package dev.basalt.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads one realtime (SSE) stream in the background: its client id and the ids of the records it was told about. */
final class RealtimeProbe {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long TIMEOUT_MS = 15_000;
    private final Set<String> records = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<String> clientId = new CompletableFuture<>();

    RealtimeProbe(InputStream in) {
        Thread.ofPlatform().daemon().start(() -> {
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
                // the stream ended
            }
        });
    }

    String clientId() throws Exception {
        return clientId.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    void awaitRecord(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!records.contains(id)) {
            assertThat(System.currentTimeMillis()).as("event for record " + id).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
