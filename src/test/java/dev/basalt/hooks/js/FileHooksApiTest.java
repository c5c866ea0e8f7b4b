package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Files in JS hooks against a running server: {@code e.findUploadedFiles} in a create request hook (names, size, the
 * name the hook read is the stored one, a renamed file), {@code $filesystem.fileFromBytes}, {@code fileFromPath}
 * and {@code fileFromURL} set on records and saved through the write path, a batch sub-request's uploads, and the
 * hooks-directory-only rule.
 */
class FileHooksApiTest extends GapHooksTest {
    @Test
    void uploadedFilesAreFilesystemFiles() throws Exception {
        docs();
        JsonNode created = upload("Notes 1.txt", "hello");
        String[] seen = created.get("title").asString().split("\\|");
        assertThat(seen[0]).isEqualTo("Notes 1.txt");
        assertThat(seen[1]).isEqualTo("5");
        assertThat(seen[2]).matches("notes_1_[a-z0-9]{10}\\.txt");
        assertThat(created.get("doc").asString()).isEqualTo(seen[2]);
        assertThat(file("gapdocs", created.get("id").asString(), seen[2])).isEqualTo("hello");

        JsonNode renamed = upload("rename.txt", "again");
        assertThat(renamed.get("doc").asString()).isEqualTo("renamed_by_hook.txt");
        assertThat(file("gapdocs", renamed.get("id").asString(), "renamed_by_hook.txt")).isEqualTo("again");

        Response none = post("/api/collections/gapdocs/records", Map.of("title", "plain"), null);
        assertThat(none.status()).as(none.body()).isEqualTo(200);
        assertThat(none.get("title").asString()).isEqualTo("http: no such file");
    }

    @Test
    void batchSubRequestsFindTheirUploads() throws Exception {
        docs();
        patch("/api/settings", Map.of("batch", Map.of("enabled", true)), superuser());
        String boundary = "----hookgapsbatch" + System.nanoTime();
        String payload = "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/gapdocs/records\","
                + "\"body\":{}}]}";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"@jsonPayload\"\r\n\r\n" + payload
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"requests.0.doc\"; "
                + "filename=\"batched.txt\"\r\nContent-Type: text/plain\r\n\r\nin batch\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/batch")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", superuser()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode created = JSON.readTree(r.body()).get(0).get("body");
        String[] seen = created.get("title").asString().split("\\|");
        assertThat(seen[0]).isEqualTo("batched.txt");
        assertThat(seen[1]).isEqualTo("8");
        assertThat(created.get("doc").asString()).isEqualTo(seen[2]);
        assertThat(file("gapdocs", created.get("id").asString(), seen[2])).isEqualTo("in batch");
    }

    @Test
    void filesystemFilesAreSavedOnRecords() throws Exception {
        docs();
        Response fromBytes = post("/api/collections/gapdocs/records", Map.of("title", "from-bytes"), null);
        assertThat(fromBytes.status()).as(fromBytes.body()).isEqualTo(200);
        String stored = fromBytes.get("doc").asString();
        assertThat(stored).matches("greeting_[a-z0-9]{10}\\.txt");
        assertThat(file("gapdocs", fromBytes.get("id").asString(), stored)).isEqualTo("hello bytes");

        String url = baseUrl() + "/api/files/gapdocs/" + fromBytes.get("id").asString() + "/" + stored;
        Response saved = post("/gap/files", Map.of("url", url), null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String id = saved.get("id").asString();
        assertThat(saved.get("doc").asString()).isEqualTo(saved.get("bytesName").asString());
        assertThat(saved.get("bytesSize").asInt()).isEqualTo(3);
        String name = saved.get("bytesName").asString();
        assertThat(saved.get("shown").asString()).isEqualTo("{\"f\":\"" + name + "\",\"r\":\"" + name + "\"}");
        assertThat(file("gapdocs", id, saved.get("doc").asString())).isEqualTo("hi!");
        JsonNode docs = saved.get("docs");
        assertThat(docs.size()).isEqualTo(2);
        assertThat(docs.get(0).asString()).matches("logo_[a-z0-9]{10}\\.txt");
        assertThat(file("gapdocs", id, docs.get(0).asString())).isEqualTo("logo from the hooks directory");
        assertThat(docs.get(1).asString()).startsWith("greeting_");
        assertThat(file("gapdocs", id, docs.get(1).asString())).isEqualTo("hello bytes");

        assertThat(get("/gap/outside", null).get("read").asBoolean()).isFalse();
    }
}
