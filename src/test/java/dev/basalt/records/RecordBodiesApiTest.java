package dev.basalt.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Record bodies read as PocketBase reads them, over real HTTP: unknown and read-only keys ignored (a fetched
 * record can be sent back), a changed id refused with {@code validation_pk_change}, loose casts instead of 400s,
 * and multipart values inferred as PocketBase's form reader does.
 */
class RecordBodiesApiTest extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "bodies-Password-1234";
    private String name;

    @BeforeEach
    void createCollection() {
        name = "bodies_" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "base");
        body.put("fields", List.of(Map.of("name", "title", "type", "text"),
                Map.of("name", "views", "type", "number"), Map.of("name", "published", "type", "bool"),
                Map.of("name", "status", "type", "select", "values", List.of("draft", "live"), "maxSelect", 1),
                Map.of("name", "meta", "type", "json"),
                Map.of("name", "slug", "type", "text", "autogeneratePattern", "[a-z]{5}")));
        for (String rule : List.of("listRule", "viewRule", "createRule", "updateRule")) {
            body.put(rule, "");
        }
        Response r = post("/api/collections", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String records() {
        return "/api/collections/" + name + "/records";
    }

    @Test
    void unknownAndReadOnlyKeysAreIgnoredSoAFetchedRecordCanBeSentBack() {
        Response created = post(records(), Map.of("title", "a", "nope", 1, "created", "2020-01-01 00:00:00.000Z",
                "collectionName", "other", "expand", Map.of()), null);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode record = created.json();
        assertThat(record.get("created").asString()).doesNotStartWith("2020");
        assertThat(record.has("nope")).isFalse();

        Map<String, Object> back = JSON.convertValue(record, Map.class);
        back.put("title", "b");
        back.put("updated", "2020-01-01 00:00:00.000Z");
        Response updated = patch(records() + "/" + record.get("id").asString(), back, null);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("title").asString()).isEqualTo("b");
        assertThat(updated.json().get("created").asString()).isEqualTo(record.get("created").asString());
        assertThat(updated.json().get("updated").asString()).doesNotStartWith("2020");
    }

    @Test
    void aChangedIdIsRefusedWithPocketBasesCode() {
        String id = post(records(), Map.of("title", "a"), null).json().get("id").asString();
        Response r = patch(records() + "/" + id, Map.of("id", "abcdefghijklmno", "title", "x"), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("data").get("id").get("code").asString()).isEqualTo("validation_pk_change");
        assertThat(r.json().get("data").get("id").get("message").asString())
                .isEqualTo("The record primary key cannot be changed.");
        assertThat(get(records() + "/" + id, null).json().get("title").asString()).isEqualTo("a");
        assertThat(patch(records() + "/" + id, Map.of("id", id, "title", "x"), null).status()).isEqualTo(200);
    }

    @Test
    void valuesOfTheWrongTypeAreCastNotRefused() {
        Response r = post(records(), Map.of("title", 1e21, "views", "many", "published", "yes",
                "status", List.of("draft", "live"), "meta", "plain text"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("title").asString()).isEqualTo("1000000000000000000000");
        assertThat(r.json().get("views").asDouble()).isZero();
        assertThat(r.json().get("published").asBoolean()).isFalse();
        assertThat(r.json().get("status").asString()).isEqualTo("live");
        assertThat(r.json().get("meta").asString()).isEqualTo("plain text");

        Response inf = post(records(), Map.of("views", "inf"), null);
        assertThat(inf.status()).isEqualTo(400);
        assertThat(inf.json().get("data").get("views").get("code").asString()).isEqualTo("validation_not_a_number");
    }

    @Test
    void multipartValuesAreInferredAsPocketBaseFormReaderDoes() {
        Response r = multipart(records(), Map.of("title", "007", "views", "12", "published", "true",
                "status", "[\"live\"]", "meta", "1.50"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("title").asString()).isEqualTo("007");
        assertThat(r.json().get("views").asInt()).isEqualTo(12);
        assertThat(r.json().get("published").asBoolean()).isTrue();
        assertThat(r.json().get("status").asString()).isEqualTo("live");
        assertThat(r.json().get("meta").isNumber()).isTrue();

        Response loose = multipart(records(), Map.of("title", "12", "views", "1e3", "published", "on", "meta", "12"));
        assertThat(loose.status()).as(loose.body()).isEqualTo(200);
        assertThat(loose.json().get("title").asString()).isEqualTo("12");
        assertThat(loose.json().get("views").asInt()).isEqualTo(1000);
        assertThat(loose.json().get("published").asBoolean()).isFalse();
        assertThat(loose.json().get("meta").toString()).isEqualTo("12");
    }

    @Test
    void anAuthRecordCanSendItsFetchedSelfBack() {
        String users = authCollection();
        String path = "/api/collections/" + users + "/records";
        Response made = post(path, Map.of("email", "ann@bodies.example.com", "password", PASSWORD,
                "passwordConfirm", PASSWORD, "nick", "a"), superuser());
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        String token = post("/api/collections/" + users + "/auth-with-password",
                Map.of("identity", "ann@bodies.example.com", "password", PASSWORD), null).json().get("token").asString();
        JsonNode self = get(path + "/" + made.json().get("id").asString(), token).json();

        Map<String, Object> back = JSON.convertValue(self, Map.class);
        back.put("nick", "b");
        Response r = patch(path + "/" + self.get("id").asString(), back, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("nick").asString()).isEqualTo("b");

        back.put("verified", "t");
        Response verify = patch(path + "/" + self.get("id").asString(), back, token);
        assertThat(verify.status()).isEqualTo(400);
        assertThat(verify.json().get("data").get("verified").get("code").asString())
                .isEqualTo("validation_values_mismatch");
    }

    @Test
    void modifiersFollowPocketBasesSetters() {
        Response r = post(records(), Map.of("slug:autogenerate", "post-", "views+", 2, "+views", 5, "title+", "x"),
                null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("slug").asString()).matches("post-[a-z]{5}");
        assertThat(r.json().get("views").asInt()).as("+views is no number modifier: ignored").isEqualTo(2);
        assertThat(r.json().get("title").asString()).as("title+ is no text modifier: ignored").isEmpty();
    }

    @Test
    void numericPasswordsAreTheirDecimalText() {
        String users = authCollection();
        String path = "/api/collections/" + users + "/records";
        Map<String, Object> json = new LinkedHashMap<>(Map.of("email", "num@bodies.example.com", "password", 1.5e8,
                "passwordConfirm", 150000000));
        Response made = post(path, json, null);
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        assertThat(signIn(users, "num@bodies.example.com", "150000000")).isEqualTo(200);

        Response form = multipart(path, Map.of("email", "form@bodies.example.com", "password", "123456789",
                "passwordConfirm", "123456789"));
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(signIn(users, "form@bodies.example.com", "123456789")).isEqualTo(200);
    }

    private String authCollection() {
        Map<String, Object> users = new LinkedHashMap<>();
        users.put("name", "bodies_users_" + Long.toString(System.nanoTime(), 36));
        users.put("type", "auth");
        users.put("fields", List.of(Map.of("name", "nick", "type", "text")));
        users.put("viewRule", "id = @request.auth.id");
        users.put("createRule", "");
        users.put("updateRule", "id = @request.auth.id");
        Response c = post("/api/collections", users, superuser());
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        return (String) users.get("name");
    }

    private int signIn(String collection, String email, String password) {
        return post("/api/collections/" + collection + "/auth-with-password",
                Map.of("identity", email, "password", password), null).status();
    }

    private Response multipart(String path, Map<String, String> values) {
        String boundary = "----basalt" + System.nanoTime();
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n")
                .append(v).append("\r\n"));
        b.append("--").append(boundary).append("--\r\n");
        return execute(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(b.toString(), StandardCharsets.UTF_8)).build());
    }
}
