package dev.basalt.backups;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.testing.TestClockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole Basalt server for backup tests, on its own database and data directory (a restore replaces everything,
 * so these tests never share the server of {@code ApiTest}), with a signed-in superuser and HTTP helpers.
 */
final class BackupServer implements AutoCloseable {
    static final String EMAIL = "backup-admin@example.com";
    static final String PASSWORD = "backup-password-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final ConfigurableApplicationContext context;
    final String base;
    final Path dir;
    String token;

    BackupServer(String dbUrl, String user, String password, Path dir) {
        this.dir = dir;
        this.context = new SpringApplication(BasaltApplication.class, TestClockConfiguration.class).run("--server.port=0",
                "--basalt.dir=" + dir, "--basalt.db.url=" + dbUrl, "--basalt.db.user=" + user,
                "--basalt.db.password=" + password, "--basalt.sign-in-guard.enabled=false",
                "--logging.level.root=WARN");
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        context.getBean(Superusers.class).upsert(EMAIL, PASSWORD);
        this.token = signIn("_superusers", EMAIL, PASSWORD).json().get("token").asString();
    }

    /** An HTTP answer: status, JSON (null when none) and raw bytes. */
    record Answer(int status, JsonNode json, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    Answer signIn(String collection, String identity, String password) {
        return send("POST", "/api/collections/" + collection + "/auth-with-password",
                Map.of("identity", identity, "password", password), null);
    }

    Answer send(String method, String path, Object body, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return execute(b.build());
    }

    /** POSTs a multipart body: text fields, then one file part. */
    Answer multipart(String path, Map<String, String> fields, String fileField, String filename, byte[] content,
                     String auth) {
        String boundary = "----basalt" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + k + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return execute(b.build());
    }

    Answer execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = r.body();
            String text = new String(bytes, StandardCharsets.UTF_8);
            JsonNode json = text.startsWith("{") || text.startsWith("[") ? JSON.readTree(text) : null;
            return new Answer(r.statusCode(), json, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What {@link #seed()} created. */
    record Seeded(String noteId, String fileName, byte[] fileContent) {
    }

    /**
     * Creates a base collection {@code notes} with a file field, an auth collection {@code members} with the user
     * {@code ann@example.com} (password {@code old-password-1}), a view {@code note_titles}, and one note with a file.
     */
    Seeded seed() {
        check(send("POST", "/api/collections", Map.of("name", "notes", "type", "base", "listRule", "",
                "viewRule", "", "fields", java.util.List.of(Map.of("name", "title", "type", "text"),
                        Map.of("name", "doc", "type", "file", "maxSelect", 1))), token), 200);
        check(send("POST", "/api/collections", Map.of("name", "members", "type", "auth", "createRule", "",
                "fields", java.util.List.of(Map.of("name", "nick", "type", "text"))), token), 200);
        check(send("POST", "/api/collections", Map.of("name", "note_titles", "type", "view", "listRule", "",
                "viewQuery", "SELECT id, title FROM notes"), token), 200);
        check(send("POST", "/api/collections/members/records", Map.of("email", "ann@example.com",
                "password", "old-password-1", "passwordConfirm", "old-password-1", "nick", "ann"), null), 200);
        byte[] content = "hello from before the backup".getBytes(StandardCharsets.UTF_8);
        Answer note = check(multipart("/api/collections/notes/records", Map.of("title", "kept"), "doc",
                "hello.txt", content, token), 200);
        return new Seeded(note.json().get("id").asString(), note.json().get("doc").asString(), content);
    }

    static Answer check(Answer a, int status) {
        if (a.status() != status) {
            throw new AssertionError("expected " + status + ", got " + a.status() + ": " + a.text());
        }
        return a;
    }

    @Override
    public void close() {
        context.close();
    }
}
