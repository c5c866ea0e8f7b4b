package dev.basalt.records;

import static dev.basalt.records.RelationFixtures.collection;
import static dev.basalt.records.RelationFixtures.text;
import static dev.basalt.records.RelationFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates and updates run statements rendered once per collection version and set of written columns
 * ({@code RecordWriteQueries}): every field type binds as before, repeated shapes reuse the statement, and a schema
 * change (a new field, a renamed one) or a unique index is honoured at once.
 */
class WriteStatementsApiTest extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyTypeRoundTripsThroughTheCachedStatements() {
        String name = unique("shapes");
        Map<String, Object> definition = collection(name, text("title"), field("views", "number"),
                field("flag", "bool"), field("meta", "json"), field("when", "date"),
                Map.of("name", "tags", "type", "select", "maxSelect", 3, "values", List.of("a", "b", "c")));
        definition.put("indexes", List.of("CREATE UNIQUE INDEX idx_" + name + "_title ON " + name + " (title)"));
        assertThat(post("/api/collections", definition, superuser()).status()).isEqualTo(200);
        String path = "/api/collections/" + name + "/records";

        for (int round = 0; round < 3; round++) { // the second and third rounds take the cached statements
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", "t" + round);
            body.put("views", 10 + round);
            body.put("flag", round % 2 == 0);
            body.put("meta", Map.of("round", round, "list", List.of(1, 2)));
            body.put("when", "2026-01-0" + (round + 1) + " 10:00:00.000Z");
            body.put("tags", List.of("a", "c"));
            Response created = post(path, body, null);
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            String id = created.json().get("id").asString();

            assertThat(patch(path + "/" + id, Map.of("views", 99 + round), null).status()).isEqualTo(200);
            assertThat(patch(path + "/" + id, Map.of("tags+", "b", "meta", List.of("x")), null).status())
                    .isEqualTo(200);
            JsonNode stored = get(path + "/" + id, null).json();
            assertThat(stored.get("title").asString()).isEqualTo("t" + round);
            assertThat(stored.get("views").asDouble()).isEqualTo(99 + round);
            assertThat(stored.get("flag").asBoolean()).isEqualTo(round % 2 == 0);
            assertThat(stored.get("meta").get(0).asString()).isEqualTo("x");
            assertThat(stored.get("when").asString()).isEqualTo("2026-01-0" + (round + 1) + " 10:00:00.000Z");
            assertThat(stored.get("tags").toString()).isEqualTo("[\"a\",\"c\",\"b\"]");

            Response duplicate = patch(path + "/" + id, Map.of("title", "held"), null); // round 0 takes it
            assertThat(duplicate.status()).isEqualTo(round == 0 ? 200 : 400);
            if (round > 0) {
                assertThat(duplicate.json().get("data").get("title").get("code").asString())
                        .isEqualTo("validation_not_unique");
            }
        }
        Response missing = patch(path + "/nosuchrecord123", Map.of("views", 1), null);
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void aSchemaChangeTakesNewStatements() {
        String name = unique("renamed");
        assertThat(post("/api/collections", collection(name, text("title"), field("views", "number")), superuser())
                .status()).isEqualTo(200);
        String path = "/api/collections/" + name + "/records";
        String id = post(path, Map.of("title", "a", "views", 1), null).json().get("id").asString();
        assertThat(patch(path + "/" + id, Map.of("title", "b"), null).status()).isEqualTo(200);

        JsonNode schema = get("/api/collections/" + name, superuser()).json();
        List<Object> fields = new ArrayList<>();
        for (JsonNode f : schema.get("fields")) { // every field as it is (the id keeps its generator), title renamed
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = JSON.convertValue(f, LinkedHashMap.class);
            if ("title".equals(copy.get("name"))) {
                copy.put("name", "headline");
            }
            fields.add(copy);
        }
        fields.add(field("extra", "text"));
        Response changed = patch("/api/collections/" + name, Map.of("fields", fields), superuser());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        assertThat(patch(path + "/" + id, Map.of("headline", "c", "extra", "e"), null).status()).isEqualTo(200);
        assertThat(patch(path + "/" + id, Map.of("views", 5), null).status()).isEqualTo(200);
        String other = post(path, Map.of("headline", "d", "views", 2), null).json().get("id").asString();
        JsonNode stored = get(path + "/" + id, null).json();
        assertThat(stored.get("headline").asString()).isEqualTo("c");
        assertThat(stored.get("extra").asString()).isEqualTo("e");
        assertThat(stored.get("views").asDouble()).isEqualTo(5);
        assertThat(get(path + "/" + other, null).json().get("headline").asString()).isEqualTo("d");
    }

    private static Map<String, Object> field(String name, String type) {
        return new LinkedHashMap<>(Map.of("name", name, "type", type));
    }
}
