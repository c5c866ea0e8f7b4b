package dev.basalt.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Protected files are served only with a file token of a caller the viewRule lets see the record. */
class ProtectedFilesAccessTest extends SecurityFixtures {
    private static final String CONTENT = "ann's contract";

    @Test
    void onlyCallersWhoMayViewTheRecordGetItsProtectedFile() {
        JsonNode users = users(List.of(field("name", "text")));
        String u = users.get("name").asString();
        User ann = user(u, "ann@" + u.replace("_", "-") + ".example.com", Map.of("name", "Ann"));
        User bob = user(u, "bob@" + u.replace("_", "-") + ".example.com", Map.of("name", "Bob"));
        JsonNode docs = base("pdocs", List.of(Map.of("name", "doc", "type", "file", "maxSelect", 1, "protected", true),
                relation("owner", users.get("id").asString(), 1)), null,
                "owner = @request.auth.id && @request.context = 'protectedFile'", null, null, null);
        String c = docs.get("name").asString();
        Response created = upload(c, ann.id());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("id").asString();
        String file = "/api/files/" + c + "/" + id + "/" + created.json().get("doc").asString();

        assertThat(get(file, null).status()).isEqualTo(404);
        assertThat(get(file, null).body()).as("a refused file reads like a missing one (PocketBase)")
                .isEqualTo(get("/api/files/" + c + "/" + id + "/missing.txt", null).body());
        assertThat(get(file + "?token=" + fileToken(bob.token()), null).status()).isEqualTo(404);
        assertThat(get(file + "?token=" + bob.token(), null).status()).as("an auth token is no file token")
                .isEqualTo(404);
        Response allowed = get(file + "?token=" + fileToken(ann.token()), null);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo(CONTENT);
        // the same rule refuses the record itself through the records API (context "default")
        assertThat(get(records(c) + "/" + id, ann.token()).status()).isEqualTo(404);
    }

    @Test
    void aViewsProtectedFileFollowsTheViewsOwnRule() {
        JsonNode users = users(List.of(field("name", "text")));
        String u = users.get("name").asString();
        User ann = user(u, "ann@" + u.replace("_", "-") + ".example.com", Map.of("name", "Ann"));
        User bob = user(u, "bob@" + u.replace("_", "-") + ".example.com", Map.of("name", "Bob"));
        // the source is for superusers only; the view lets owners see their rows
        JsonNode docs = base("pvdocs", List.of(Map.of("name", "doc", "type", "file", "maxSelect", 1, "protected", true),
                relation("owner", users.get("id").asString(), 1)), null, null, null, null, null);
        String c = docs.get("name").asString();
        Response created = upload(c, ann.id());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("id").asString();
        String doc = created.json().get("doc").asString();
        JsonNode view = collection("pvview", new java.util.LinkedHashMap<>(Map.of("type", "view",
                "viewQuery", "SELECT id, doc AS contract, owner FROM " + c, "listRule", "owner = @request.auth.id",
                "viewRule", "owner = @request.auth.id")));
        String file = "/api/files/" + view.get("name").asString() + "/" + id + "/" + doc;

        assertThat(get(file + "?token=" + fileToken(ann.token()), null).body()).isEqualTo(CONTENT);
        assertThat(get("/api/files/" + c + "/" + id + "/" + doc + "?token=" + fileToken(ann.token()), null)
                .status()).as("the source's own rule still guards the source").isEqualTo(404);
        Response refused = get(file + "?token=" + fileToken(bob.token()), null);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).isEqualTo(get(file.replace(doc, "missing.txt"), null).body());
        assertThat(get(file, null).status()).isEqualTo(404);
    }

    private String fileToken(String authToken) {
        Response r = post("/api/files/token", null, authToken);
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("token").asString();
    }

    private Response upload(String collection, String owner) {
        String boundary = "----basalt-security" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"owner\"\r\n\r\n" + owner
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"contract.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\n" + CONTENT + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return execute(HttpRequest.newBuilder(URI.create(baseUrl() + records(collection)))
                .header("Authorization", superuser())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }
}
