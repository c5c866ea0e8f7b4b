package dev.basalt.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The records API over real HTTP: CRUD, paging, sorting, filtering, modifiers and bad input. */
class RecordsApiTest extends ApiTest {
    private String name;

    @BeforeEach
    void createCollection() {
        name = "posts_" + Long.toString(System.nanoTime(), 36);
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(Map.of("name", "title", "type", "text", "required", true, "max", 50));
        fields.add(Map.of("name", "views", "type", "number", "onlyInt", true));
        fields.add(Map.of("name", "published", "type", "bool"));
        fields.add(Map.of("name", "tags", "type", "select", "values", List.of("a", "b", "c"), "maxSelect", 3));
        fields.add(Map.of("name", "status", "type", "select", "values", List.of("draft", "live"), "maxSelect", 1));
        fields.add(Map.of("name", "meta", "type", "json"));
        fields.add(Map.of("name", "when", "type", "date"));
        fields.add(Map.of("name", "contact", "type", "email"));
        fields.add(Map.of("name", "site", "type", "url"));
        fields.add(Map.of("name", "secret", "type", "text", "hidden", true));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "base");
        body.put("fields", fields);
        body.put("listRule", "");
        body.put("viewRule", "");
        body.put("createRule", "");
        body.put("updateRule", "");
        body.put("deleteRule", "");
        Response r = post("/api/collections", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String records() {
        return "/api/collections/" + name + "/records";
    }

    private JsonNode create(Map<String, Object> body) {
        return create(body, null);
    }

    private JsonNode create(Map<String, Object> body, String token) {
        Response r = post(records(), body, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void createsAndReadsARecordWithPocketBaseShape() {
        JsonNode rec = create(Map.of("title", "Hello", "views", 3, "published", true, "tags", List.of("a", "b"),
                "status", "live", "meta", Map.of("k", 1), "when", "2024-05-01 10:00:00", "contact", "a@b.co",
                "site", "https://example.com", "secret", "s3"), superuser());
        assertThat(rec.get("id").asString()).matches("[a-z0-9]{15}");
        assertThat(rec.get("collectionName").asString()).isEqualTo(name);
        assertThat(rec.get("collectionId").asString()).startsWith("pbc_");
        assertThat(rec.get("views").asInt()).isEqualTo(3);
        assertThat(rec.get("views").isIntegralNumber()).isTrue();
        assertThat(rec.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(rec.get("when").asString()).isEqualTo("2024-05-01 10:00:00.000Z");
        assertThat(rec.get("meta").get("k").asInt()).isEqualTo(1);
        assertThat(rec.get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(get(records() + "/" + rec.get("id").asString(), null).json().has("secret"))
                .as("hidden field not shown to anonymous").isFalse();

        Response view = get(records() + "/" + rec.get("id").asString(), null);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("title").asString()).isEqualTo("Hello");
        Response asSuperuser = get(records() + "/" + rec.get("id").asString(), superuser());
        assertThat(asSuperuser.json().get("secret").asString()).isEqualTo("s3");
    }

    @Test
    void emptyRecordGetsZeroValues() {
        Response r = post(records(), Map.of("title", "x"), null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode rec = r.json();
        assertThat(rec.get("views").asInt()).isZero();
        assertThat(rec.get("published").asBoolean()).isFalse();
        assertThat(rec.get("tags").size()).isZero();
        assertThat(rec.get("status").asString()).isEmpty();
        assertThat(rec.get("when").asString()).isEmpty();
        assertThat(rec.get("meta").isNull()).isTrue();
    }

    @Test
    void updatesWithModifiersAndDeletes() {
        String id = create(Map.of("title", "t", "views", 10, "tags", List.of("a"))).get("id").asString();
        Response r = patch(records() + "/" + id, Map.of("views+", 5, "tags+", "c"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("views").asInt()).isEqualTo(15);
        assertThat(r.json().get("tags").toString()).isEqualTo("[\"a\",\"c\"]");
        r = patch(records() + "/" + id, Map.of("views-", 20, "tags-", List.of("a")), null);
        assertThat(r.json().get("views").asInt()).isEqualTo(-5);
        assertThat(r.json().get("tags").toString()).isEqualTo("[\"c\"]");
        r = patch(records() + "/" + id, Map.of("+tags", "b"), null);
        assertThat(r.json().get("tags").toString()).isEqualTo("[\"b\",\"c\"]");

        assertThat(delete(records() + "/" + id, null).status()).isEqualTo(204);
        assertThat(get(records() + "/" + id, null).status()).isEqualTo(404);
        assertThat(delete(records() + "/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void listsWithPagingSortFilterFieldsAndSkipTotal() {
        for (int i = 1; i <= 5; i++) {
            create(Map.of("title", "item " + i, "views", i * 100, "published", i % 2 == 0));
        }
        Response r = get(records() + "?page=2&perPage=2&sort=-views", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("page").asInt()).isEqualTo(2);
        assertThat(r.json().get("perPage").asInt()).isEqualTo(2);
        assertThat(r.json().get("totalItems").asInt()).isEqualTo(5);
        assertThat(r.json().get("totalPages").asInt()).isEqualTo(3);
        assertThat(r.json().get("items").get(0).get("views").asInt()).isEqualTo(300);

        r = get(records() + "?filter=" + enc("views > 150 && published = true") + "&sort=title", null);
        assertThat(r.json().get("totalItems").asInt()).isEqualTo(2);
        assertThat(r.json().get("items").get(1).get("title").asString()).isEqualTo("item 4");
        assertThat(r.json().get("items").get(0).get("title").asString()).isEqualTo("item 2");

        r = get(records() + "?filter=" + enc("title ~ 'ITEM 3'") + "&fields=id,title", null);
        assertThat(r.json().get("items").size()).isEqualTo(1);
        JsonNode item = r.json().get("items").get(0);
        assertThat(item.propertyNames()).containsExactlyInAnyOrder("id", "title");

        create(Map.of("title", "long", "views", 1, "meta", Map.of("note", "x")));
        r = get(records() + "?filter=" + enc("title = 'long'") + "&fields=" + enc("*,title:excerpt(2,true)"), null);
        assertThat(r.json().get("items").get(0).get("title").asString()).isEqualTo("lo...");
        assertThat(r.json().get("items").get(0).get("views").asInt()).isEqualTo(1);

        r = get(records() + "?skipTotal=1&perPage=1", null);
        assertThat(r.json().get("totalItems").asInt()).isEqualTo(-1);
        assertThat(r.json().get("totalPages").asInt()).isEqualTo(-1);
        assertThat(r.json().get("items").size()).isEqualTo(1);
    }

    @Test
    void hiddenFieldsCannotBeFilteredBySomeoneElse() {
        create(Map.of("title", "h", "secret", "abc"), superuser());
        Response r = get(records() + "?filter=" + enc("secret = 'abc'"), null);
        assertThat(r.status()).isEqualTo(400);
        r = get(records() + "?filter=" + enc("secret = 'abc'"), superuser());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void badInputGetsClearErrorsAndWritesNothing() {
        Response r = post(records(), Map.of("views", 1), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("data").get("title").get("code").asString()).isEqualTo("validation_required");

        r = post(records(), Map.of("title", "x", "views", 1.5), null);
        assertThat(r.json().get("data").get("views").get("code").asString()).isEqualTo("validation_only_int_constraint");

        // unknown keys, autodates and non-numeric text for a number are not errors (RecordBodiesApiTest)
        r = post(records(), Map.of("title", "x", "views", "inf"), null);
        assertThat(r.json().get("data").get("views").get("code").asString()).isEqualTo("validation_not_a_number");

        r = post(records(), Map.of("title", "x", "status", "other"), null);
        assertThat(r.json().get("data").get("status").get("code").asString()).isEqualTo("validation_invalid_value");

        r = post(records(), Map.of("title", "x", "contact", "not-an-email"), null);
        assertThat(r.json().get("data").get("contact").get("code").asString()).isEqualTo("validation_is_email");

        r = post(records(), "{\"title\": ", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains("invalid formatting");

        r = get(records() + "?filter=" + enc("title = 'unterminated"), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).doesNotContain("select").doesNotContain("SELECT");

        r = get(records() + "?filter=" + enc("x".repeat(5000)), null);
        assertThat(r.status()).isEqualTo(400);

        r = get(records(), null);
        assertThat(r.json().get("totalItems").asInt()).as("nothing was written").isZero();

        assertThat(get("/api/collections/does_not_exist/records", null).status()).isEqualTo(404);
    }

    @Test
    void duplicateIdIsRejected() {
        JsonNode rec = create(Map.of("title", "one", "id", "customid1234567"));
        assertThat(rec.get("id").asString()).isEqualTo("customid1234567");
        Response r = post(records(), Map.of("title", "two", "id", "customid1234567"), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("data").get("id").get("code").asString()).isEqualTo("validation_not_unique");
    }

    @Test
    void uniqueIndexViolationNamesTheField() {
        Response r = patch("/api/collections/" + name,
                Map.of("indexes", List.of("CREATE UNIQUE INDEX `idx_title_" + name + "` ON `" + name + "` (`title`)")),
                superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        create(Map.of("title", "same"));
        r = post(records(), Map.of("title", "same"), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("data").get("title").get("code").asString()).isEqualTo("validation_not_unique");
        assertThat(r.body()).doesNotContain("duplicate key");
    }

    @Test
    void acceptsMultipartFormsWithTheSdksJsonPayload() {
        String boundary = "basaltboundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\nfrom a form\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"views\"\r\n\r\n7\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"tags\"\r\n\r\nc\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"@jsonPayload\"\r\n\r\n{\"published\":true,\"meta\":{\"x\":[1,2]}}\r\n"
                + "--" + boundary + "--\r\n";
        Response r = execute(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + records()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("title").asString()).isEqualTo("from a form");
        assertThat(r.json().get("views").asInt()).isEqualTo(7);
        assertThat(r.json().get("tags").toString()).isEqualTo("[\"a\",\"c\"]");
        assertThat(r.json().get("published").asBoolean()).isTrue();
        assertThat(r.json().get("meta").get("x").size()).isEqualTo(2);
    }

    @Test
    void hiddenFieldsCannotBeSortedBySomeoneElseAndPerPageIsClamped() {
        assertThat(get(records() + "?sort=secret", null).status()).isEqualTo(400);
        assertThat(get(records() + "?sort=secret", superuser()).status()).isEqualTo(200);
        assertThat(get(records() + "?sort=@random&perPage=5000", null).json().get("perPage").asInt()).isEqualTo(1000);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
