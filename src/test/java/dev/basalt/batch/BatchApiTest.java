package dev.basalt.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/batch} over HTTP: all or nothing, the single endpoints' rules and validation, limits. */
class BatchApiTest extends ApiTest {
    @Autowired
    private DataSource dataSource;

    private String posts;
    private String comments;

    @BeforeEach
    void schema() {
        posts = unique("bposts");
        String postsId = createCollection(posts, open(), List.of(
                Map.of("name", "title", "type", "text", "required", true),
                Map.of("name", "views", "type", "number")));
        comments = unique("bcomments");
        Map<String, Object> rules = open();
        rules.put("createRule", "message != 'forbidden'");
        rules.put("deleteRule", null);
        createCollection(comments, rules, List.of(
                Map.of("name", "message", "type", "text"),
                Map.of("name", "post", "type", "relation", "collectionId", postsId, "maxSelect", 1,
                        "required", true, "cascadeDelete", true)));
    }

    @Test
    void createsUpdatesUpsertsAndDeletesInOneTransaction() {
        String kept = createRecord(posts, Map.of("title", "kept"));
        String gone = createRecord(posts, Map.of("title", "gone"));
        String postId = "batchpost000001";
        Response r = batch(List.of(
                request("POST", records(posts) + "?fields=id,title", Map.of("id", postId, "title", "hello")),
                request("POST", records(comments), Map.of("message", "first", "post", postId)),
                request("PATCH", records(posts) + "/" + kept, Map.of("views", 5)),
                request("PUT", records(posts), Map.of("id", kept, "title", "upserted")),
                request("PUT", records(posts), Map.of("id", "batchpost000002", "title", "new")),
                request("DELETE", records(posts) + "/" + gone, null)), superuser());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json();
        assertThat(results.size()).isEqualTo(6);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(0).get("body").toString()).isEqualTo("{\"id\":\"" + postId + "\",\"title\":\"hello\"}");
        assertThat(results.get(1).get("body").get("post").asString()).isEqualTo(postId);
        assertThat(results.get(2).get("body").get("views").asInt()).isEqualTo(5);
        assertThat(results.get(3).get("body").get("title").asString()).isEqualTo("upserted");
        assertThat(results.get(3).get("body").get("views").asInt()).as("upsert of an existing id updates").isEqualTo(5);
        assertThat(results.get(4).get("body").get("id").asString()).isEqualTo("batchpost000002");
        assertThat(results.get(5).get("status").asInt()).isEqualTo(204);
        assertThat(results.get(5).get("body").isNull()).isTrue();

        assertThat(get(records(posts) + "/" + gone, superuser()).status()).isEqualTo(404);
        assertThat(get(records(posts) + "/batchpost000002", superuser()).status()).isEqualTo(200);
        assertThat(get(records(comments) + "?filter=post='" + postId + "'", null).json().get("totalItems").asInt())
                .isEqualTo(1);
    }

    @Test
    void oneFailingRequestLeavesNothingWrittenAndNamesItsIndex() {
        String kept = createRecord(posts, Map.of("title", "kept"));
        Response r = batch(List.of(
                request("POST", records(posts), Map.of("id", "batchfail000001", "title", "a")),
                request("PATCH", records(posts) + "/" + kept, Map.of("title", "changed")),
                request("POST", records(posts), Map.of("views", 1))), null);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).isEqualTo("Batch transaction failed.");
        JsonNode failed = r.json().get("data").get("requests").get("2");
        assertThat(failed.get("code").asString()).isEqualTo("batch_request_failed");
        assertThat(failed.get("response").get("status").asInt()).isEqualTo(400);
        assertThat(failed.get("response").get("data").get("title").get("code").asString())
                .isEqualTo("validation_required");
        assertThat(get(records(posts) + "/batchfail000001", superuser()).status()).isEqualTo(404);
        assertThat(get(records(posts) + "/" + kept, superuser()).json().get("title").asString()).isEqualTo("kept");
    }

    @Test
    void eachRequestIsCheckedAgainstItsCollectionRulesForTheCaller() {
        String post = createRecord(posts, Map.of("title", "p"));
        Response outsideRule = batch(List.of(
                request("POST", records(comments), Map.of("message", "fine", "post", post)),
                request("POST", records(comments), Map.of("message", "forbidden", "post", post))), null);
        assertThat(outsideRule.status()).isEqualTo(400);
        assertThat(outsideRule.json().get("data").get("requests").get("1").get("response").get("message").asString())
                .isEqualTo("Failed to create record.");
        assertThat(get(records(comments), null).json().get("totalItems").asInt()).isZero();

        String comment = createRecord(comments, Map.of("message", "c", "post", post));
        Response superusersOnly = batch(List.of(request("DELETE", records(comments) + "/" + comment, null)), null);
        assertThat(superusersOnly.json().get("data").get("requests").get("0").get("response").get("status").asInt())
                .isEqualTo(403);
        Response asSuperuser = batch(List.of(request("DELETE", records(comments) + "/" + comment, null)), superuser());
        assertThat(asSuperuser.status()).as(asSuperuser.body()).isEqualTo(200);
    }

    @Test
    void refusesEmptyOversizedAndUnknownBatches() {
        Response empty = batch(List.of(), null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("data").get("requests").get("code").asString()).isEqualTo("validation_required");

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(request("POST", records(posts), Map.of("title", "t" + i)));
        }
        Response tooMany = batch(many, null);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("data").get("requests").get("code").asString())
                .isEqualTo("validation_length_too_long");
        assertThat(get(records(posts), null).json().get("totalItems").asInt()).isZero();

        Response read = batch(List.of(request("GET", records(posts), null)), null);
        assertThat(read.status()).isEqualTo(400);
        assertThat(read.json().get("data").get("requests").get("0").get("code").asString())
                .isEqualTo("batch_request_failed");

        Response badMethod = batch(List.of(request("TRACE", records(posts), null)), null);
        assertThat(badMethod.json().get("data").get("requests").get("0").get("method").get("code").asString())
                .isEqualTo("validation_in_invalid");

        Response missingCollection = batch(List.of(request("POST", records("nope_missing"), Map.of())), null);
        assertThat(missingCollection.json().get("data").get("requests").get("0").get("response").get("status")
                .asInt()).isEqualTo(404);

        assertThat(post("/api/batch", "{\"requests\":", null).status()).isEqualTo(400);
    }

    @Test
    void readsTheSdkMultipartForm() {
        String payload = "{\"requests\":[{\"method\":\"POST\",\"url\":\"" + records(posts)
                + "\",\"body\":{\"title\":\"from form\"}}]}";
        String boundary = "batchboundary42";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"@jsonPayload\"\r\n\r\n"
                + payload + "\r\n--" + boundary + "--\r\n";
        Response r = execute(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/batch"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get(0).get("body").get("title").asString()).isEqualTo("from form");
    }

    @Test
    void aBatchPastItsTimeoutWritesNothing() throws Exception {
        String locked = createRecord(posts, Map.of("title", "locked"));
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT id FROM \"" + posts + "\" WHERE id = ? FOR UPDATE")) {
                lock.setString(1, locked);
                lock.executeQuery().close();
            }
            long start = System.nanoTime();
            Response r = batch(List.of(
                    request("POST", records(posts), Map.of("id", "batchtime000001", "title", "a")),
                    request("PATCH", records(posts) + "/" + locked, Map.of("title", "b"))), null);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            other.rollback();
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("message").asString()).isEqualTo("Batch transaction failed.");
            assertThat(seconds).isLessThan(10);
        }
        assertThat(get(records(posts) + "/batchtime000001", superuser()).status()).isEqualTo(404);
    }

    private Response batch(List<Map<String, Object>> requests, String token) {
        return post("/api/batch", Map.of("requests", requests), token);
    }

    private static Map<String, Object> request(String method, String url, Map<String, Object> body) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", method);
        r.put("url", url);
        if (body != null) {
            r.put("body", body);
        }
        return r;
    }

    private static String records(String collection) {
        return "/api/collections/" + collection + "/records";
    }

    private String createRecord(String collection, Map<String, Object> body) {
        Response r = post(records(collection), body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    private String createCollection(String name, Map<String, Object> rules, List<Map<String, Object>> fields) {
        Map<String, Object> body = new LinkedHashMap<>(rules);
        body.put("name", name);
        body.put("type", "base");
        body.put("fields", fields);
        Response r = post("/api/collections", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    private static Map<String, Object> open() {
        Map<String, Object> rules = new LinkedHashMap<>();
        for (String rule : List.of("listRule", "viewRule", "createRule", "updateRule", "deleteRule")) {
            rules.put(rule, "");
        }
        return rules;
    }

    private static String unique(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime(), 36);
    }
}
