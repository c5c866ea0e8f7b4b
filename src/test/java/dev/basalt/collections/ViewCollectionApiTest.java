package dev.basalt.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** View collections over HTTP: the query proven at save time, inferred fields, read-only records with rules. */
class ViewCollectionApiTest extends ApiTest {
    @Autowired
    private DataSource dataSource;

    private String authors;
    private String posts;
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeEach
    void data() {
        authors = unique("vauthors");
        String authorsId = collection(authors, List.of(Map.of("name", "name", "type", "text"),
                Map.of("name", "secret", "type", "password")));
        posts = unique("vposts");
        collection(posts, List.of(Map.of("name", "title", "type", "text"),
                Map.of("name", "author", "type", "relation", "collectionId", authorsId, "maxSelect", 1)));
        ids.put("ann", record(authors, Map.of("name", "Ann", "secret", "password123")));
        ids.put("bob", record(authors, Map.of("name", "Bob")));
        record(posts, Map.of("title", "a1", "author", ids.get("ann")));
        record(posts, Map.of("title", "a2", "author", ids.get("ann")));
        record(posts, Map.of("title", "b1", "author", ids.get("bob")));
    }

    @Test
    void fieldsAreInferredAndRecordsListFilterSortAndExpand() {
        String counts = unique("vcounts");
        Response created = post("/api/collections", view(counts, "SELECT a.id, a.name, a.secret, count(p.id) AS total,"
                + " max(p.created) AS latest FROM " + authors + " a LEFT JOIN " + posts + " p ON p.author = a.id"
                + " GROUP BY a.id, a.name, a.secret;", ""), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("type").asString()).isEqualTo("view");
        assertThat(created.json().get("viewQuery").asString()).doesNotEndWith(";");
        assertThat(created.json().get("createRule").isNull()).isTrue();
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode f : created.json().get("fields")) {
            types.put(f.get("name").asString(), f.get("type").asString());
        }
        assertThat(types).containsExactly(Map.entry("id", "text"), Map.entry("name", "text"),
                Map.entry("secret", "password"), Map.entry("total", "number"), Map.entry("latest", "date"));

        Response list = get(records(counts) + "?filter=total%3E1&sort=-total", null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("totalItems").asInt()).isEqualTo(1);
        JsonNode ann = list.json().get("items").get(0);
        assertThat(ann.get("name").asString()).isEqualTo("Ann");
        assertThat(ann.get("total").asInt()).isEqualTo(2);
        assertThat(ann.has("secret")).as("a password column stays hidden").isFalse();
        assertThat(ann.get("collectionName").asString()).isEqualTo(counts);
        assertThat(get(records(counts) + "/" + ids.get("bob"), null).json().get("total").asInt()).isEqualTo(1);
        assertThat(get(records(counts) + "?filter=secret!%3D''", null).status()).as("hidden: not filterable").isEqualTo(400);

        String titles = unique("vtitles");
        assertThat(post("/api/collections", view(titles, "select id, title, author from " + posts, ""), superuser())
                .status()).isEqualTo(200);
        Response expanded = get(records(titles) + "?filter=title='b1'&expand=author", null);
        assertThat(expanded.json().get("items").get(0).get("expand").get("author").get("name").asString())
                .isEqualTo("Bob");
        assertThat(relationExists(titles)).isTrue();
    }

    @Test
    void aViewOverEmptyTablesCanBeCreated() {
        String empty = unique("vempty_src");
        collection(empty, List.of(Map.of("name", "label", "type", "text")));
        String name = unique("vempty");
        Response r = post("/api/collections", view(name, "SELECT id, label FROM " + empty, ""), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(get(records(name), null).json().get("totalItems").asInt()).isZero();
    }

    @Test
    void recordsAreReadOnlyAndRulesApply() {
        String titles = unique("vro");
        Map<String, Object> definition = view(titles, "SELECT id, title FROM " + posts, "title != 'b1'");
        definition.put("viewRule", null);
        definition.put("createRule", "");
        assertThat(post("/api/collections", definition, superuser()).status()).isEqualTo(200);

        assertThat(get(records(titles), null).json().get("totalItems").asInt()).isEqualTo(2);
        assertThat(get(records(titles), superuser()).json().get("totalItems").asInt()).isEqualTo(3);
        String id = get(records(titles), null).json().get("items").get(0).get("id").asString();
        assertThat(get(records(titles) + "/" + id, null).status()).isEqualTo(403);

        Response create = post(records(titles), Map.of("title", "x"), superuser());
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.json().get("message").asString()).isEqualTo("Unsupported collection type.");
        assertThat(patch(records(titles) + "/" + id, Map.of("title", "x"), superuser()).status()).isEqualTo(400);
        assertThat(delete(records(titles) + "/" + id, superuser()).status()).isEqualTo(400);
        Response batch = post("/api/batch", Map.of("requests", List.of(Map.of("method", "DELETE",
                "url", records(titles) + "/" + id))), superuser());
        assertThat(batch.json().get("data").get("requests").get("0").get("response").get("status").asInt())
                .isEqualTo(400);
        assertThat(delete("/api/collections/" + titles + "/truncate", superuser()).status()).isEqualTo(400);
    }

    @Test
    void queriesThatWriteOrAreNotASingleSelectAreRefused() {
        List<String> bad = List.of(
                "DELETE FROM " + posts,
                "SELECT id FROM " + posts + "; DROP TABLE " + posts,
                "WITH gone AS (DELETE FROM " + posts + " RETURNING id) SELECT id FROM gone",
                "SELECT id FROM " + posts + " FOR UPDATE",
                "SELECT id FROM " + posts + " FOR SHARE",
                "SELECT set_config('basalt.x', 'y', false) AS id",
                "SELECT id, pg_sleep(1) AS s FROM " + posts,
                "SELECT id FROM " + posts + ", LATERAL query_to_xml('DELETE FROM " + posts + "', true, false, '') x",
                "SELECT id FROM " + posts + " WHERE title = ?",
                "SELECT title FROM " + posts,
                "SELECT id FROM missing_table_xyz",
                "SELECT id INTO copy_of_posts FROM " + posts,
                "");
        for (String query : bad) {
            Response r = post("/api/collections", view(unique("vbad"), query, ""), superuser());
            assertThat(r.status()).as(query + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("data").has("viewQuery")).as(query + " -> " + r.body()).isTrue();
        }
        assertThat(get(records(posts), superuser()).json().get("totalItems").asInt()).isEqualTo(3);
        assertThat(relationExists("_basalt_view_probe")).isFalse();
    }

    @Test
    void changingTheQueryChangesTheFieldsAndSourceColumnsStayProtected() {
        String titles = unique("vchange");
        assertThat(post("/api/collections", view(titles, "SELECT id, title FROM " + posts, ""), superuser())
                .status()).isEqualTo(200);
        Response changed = patch("/api/collections/" + titles,
                Map.of("viewQuery", "SELECT id, upper(title) AS loud FROM " + posts), superuser());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("fields").get(1).get("name").asString()).isEqualTo("loud");
        assertThat(get(records(titles) + "?filter=loud='A1'", null).json().get("totalItems").asInt()).isEqualTo(1);

        Response dropUsed = patch("/api/collections/" + posts, Map.of("fields", List.of(
                Map.of("name", "id", "type", "text", "primaryKey", true, "system", true, "required", true,
                        "min", 15, "max", 15, "pattern", "^[a-z0-9]+$", "autogeneratePattern", "[a-z0-9]{15}"),
                Map.of("name", "author", "type", "relation", "collectionId",
                        get("/api/collections/" + authors, superuser()).json().get("id").asString(), "maxSelect", 1))),
                superuser());
        assertThat(dropUsed.status()).as("a column a view reads cannot be dropped").isEqualTo(400);

        assertThat(delete("/api/collections/" + titles, superuser()).status()).isEqualTo(204);
        assertThat(relationExists(titles)).isFalse();
    }

    private boolean relationExists(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, "\"" + name + "\"");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> view(String name, String query, String listRule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "view");
        body.put("viewQuery", query);
        body.put("listRule", listRule);
        body.put("viewRule", "");
        return body;
    }

    private String collection(String name, List<Map<String, Object>> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "base");
        body.put("fields", fields);
        for (String rule : List.of("listRule", "viewRule", "createRule", "updateRule", "deleteRule")) {
            body.put(rule, "");
        }
        Response r = post("/api/collections", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    private String record(String collection, Map<String, Object> body) {
        Response r = post(records(collection), body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    private static String records(String collection) {
        return "/api/collections/" + collection + "/records";
    }

    private static String unique(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime(), 36);
    }
}
