package dev.basalt.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The collections API over real HTTP with a real superuser token. */
class CollectionsApiTest extends ApiTest {

    private static String unique(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime(), 36);
    }

    private Response create(String name, String listRule) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("fields", List.of(Map.of("name", "title", "type", "text")));
        body.put("listRule", listRule);
        return post("/api/collections", body, superuser());
    }

    @Test
    void listFiltersSortsAndPages() {
        String prefix = unique("lst");
        for (String suffix : List.of("a", "b", "c")) {
            assertThat(create(prefix + "_" + suffix, null).status()).isEqualTo(200);
        }
        String filter = URLEncoder.encode("name ~ '" + prefix + "%'", StandardCharsets.UTF_8);
        Response r = get("/api/collections?filter=" + filter + "&sort=-name&perPage=2", superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("totalItems").asInt()).isEqualTo(3);
        assertThat(r.json().get("totalPages").asInt()).isEqualTo(2);
        assertThat(r.json().get("items").get(0).get("name").asString()).isEqualTo(prefix + "_c");
        assertThat(r.json().get("items").get(0).get("fields").get(0).get("name").asString()).isEqualTo("id");

        r = get("/api/collections?filter=" + URLEncoder.encode("nosuch = 1", StandardCharsets.UTF_8), superuser());
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void brokenRulesAreRefusedAtSaveTime() {
        Response r = create(unique("rule"), "titel = 'x'");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("data").get("listRule").get("code").asString()).isEqualTo("validation_invalid_rule");
        assertThat(r.json().get("data").get("listRule").get("message").asString()).contains("titel");

        r = create(unique("rule"), "title = 'x' &&");
        assertThat(r.status()).isEqualTo(400);
        assertThat(create(unique("rule"), "title = 'x' && @request.auth.id != ''").status()).isEqualTo(200);
    }

    @Test
    void viewUpdateTruncateDeleteAndImport() {
        String name = unique("crud");
        String id = create(name, "").json().get("id").asString();
        assertThat(get("/api/collections/" + id, superuser()).json().get("name").asString()).isEqualTo(name);
        assertThat(get("/api/collections/" + name, superuser()).status()).isEqualTo(200);

        Response r = patch("/api/collections/" + name, Map.of("name", name + "_x"), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String renamed = name + "_x";
        assertThat(post("/api/collections/" + renamed + "/records", Map.of("title", "t"), superuser()).status())
                .isEqualTo(200);
        assertThat(delete("/api/collections/" + renamed + "/truncate", superuser()).status()).isEqualTo(204);
        assertThat(get("/api/collections/" + renamed + "/records", null).json().get("totalItems").asInt()).isZero();

        String imported = unique("imp");
        Map<String, Object> collection = Map.of("name", imported, "type", "base",
                "fields", List.of(Map.of("name", "body", "type", "text")));
        r = put("/api/collections/import", Map.of("collections", List.of(collection), "deleteMissing", false), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(get("/api/collections/" + imported, superuser()).status()).isEqualTo(200);

        assertThat(delete("/api/collections/" + renamed, superuser()).status()).isEqualTo(204);
        assertThat(get("/api/collections/" + renamed, superuser()).status()).isEqualTo(404);
        assertThat(get("/api/collections/" + renamed + "/records", null).status()).isEqualTo(404);
        assertThat(delete("/api/collections/_superusers", superuser()).status()).isEqualTo(400);
    }

    @Test
    void needsASuperuser() {
        assertThat(get("/api/collections", null).status()).isEqualTo(401);
        assertThat(post("/api/collections", Map.of("name", "x"), null).status()).isEqualTo(401);
        assertThat(post("/api/collections", "{not json", superuser()).status()).isEqualTo(400);
    }
}
