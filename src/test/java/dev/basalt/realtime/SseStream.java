package dev.basalt.realtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test SSE client of {@code GET /api/realtime}: parses frames into events on a reader thread. */
public final class SseStream implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One event; {@code ended} marks the end of the stream. */
    public record Event(String id, String name, JsonNode data, boolean ended) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    public final HttpResponse<InputStream> response;
    public final String clientId;

    public SseStream(String baseUrl) throws Exception {
        response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/realtime")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        Thread.ofVirtual().start(this::read);
        Event connect = next(Duration.ofSeconds(10));
        if (connect == null || !"PB_CONNECT".equals(connect.name())) {
            throw new IllegalStateException("no PB_CONNECT: " + connect);
        }
        clientId = connect.data().get("clientId").asString();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) {
                    if (name != null) {
                        events.add(new Event(id, name, JSON.readTree(data.toString()), false));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6);
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        } catch (IOException e) {
            // closed
        }
        events.add(new Event(null, null, null, true));
    }

    /** The next event within the timeout, or null. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits a little and returns whatever arrived (null when nothing did). */
    public Event quiet() throws InterruptedException {
        return next(Duration.ofMillis(700));
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
