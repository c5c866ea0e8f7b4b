package dev.basalt.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads whose SQL is rendered once per collection version and plan shape ({@link PlannedReads}): each caller still
 * gets its own rows from the shared SQL (the caller's values are bound), a guest and a signed-in caller never share
 * a shape where the rule tells them apart, and a schema change (rule, field) is seen by the next read.
 */
class PlannedReadsApiTest extends ApiTest {
    private final String suffix = Long.toString(System.nanoTime(), 36);
    private final String users = "pusers_" + suffix;
    private final String notes = "pnotes_" + suffix;
    private final String records = "/api/collections/" + notes + "/records";

    /** Two users with a note each, one public note of nobody's; the rule: own notes, or public ones. */
    private List<String> setUp(List<String> noteIds) {
        assertThat(post("/api/collections", Map.of("name", users, "type", "auth", "createRule", ""), superuser())
                .status()).isEqualTo(200);
        String rule = "owner = @request.auth.id || public = true";
        Response made = post("/api/collections", Map.of("name", notes, "listRule", rule, "viewRule", rule,
                "fields", List.of(Map.of("name", "owner", "type", "text"), Map.of("name", "public", "type", "bool"),
                        Map.of("name", "title", "type", "text"))), superuser());
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        List<String> tokens = new ArrayList<>();
        for (int who = 0; who < 2; who++) {
            String email = "u" + who + "@" + suffix + ".example.com";
            Response user = post("/api/collections/" + users + "/records", Map.of("email", email,
                    "password", "password-123", "passwordConfirm", "password-123"), null);
            assertThat(user.status()).as(user.body()).isEqualTo(200);
            tokens.add(post("/api/collections/" + users + "/auth-with-password",
                    Map.of("identity", email, "password", "password-123"), null).get("token").asString());
            noteIds.add(note(user.get("id").asString(), false, "note of " + who));
        }
        noteIds.add(note("", true, "public"));
        return tokens;
    }

    private String note(String owner, boolean shared, String title) {
        Response r = post(records, Map.of("owner", owner, "public", shared, "title", title), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.get("id").asString();
    }

    private List<String> listed(String query, String token) {
        Response r = get(records + query, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void eachCallerGetsItsOwnRowsFromTheSharedSql() {
        List<String> ids = new ArrayList<>();
        List<String> tokens = setUp(ids);
        for (int round = 0; round < 3; round++) { // later rounds run the SQL rendered by the first
            assertThat(listed("?sort=title", tokens.get(0))).containsExactly(ids.get(0), ids.get(2));
            assertThat(listed("?sort=title", tokens.get(1))).containsExactly(ids.get(1), ids.get(2));
            assertThat(listed("?sort=title&skipTotal=1", tokens.get(1))).containsExactly(ids.get(1), ids.get(2));
            assertThat(listed("?sort=title", null)).containsExactly(ids.get(2));
            assertThat(get(records + "?sort=title", tokens.get(0)).get("totalItems").asInt()).isEqualTo(2);
            assertThat(get(records + "?sort=title", null).get("totalItems").asInt()).isEqualTo(1);
            assertThat(listed("?filter=" + enc("title = 'note of 1'"), tokens.get(0))).isEmpty();
            assertThat(listed("?filter=" + enc("title = 'note of 1'"), tokens.get(1))).containsExactly(ids.get(1));
            assertThat(listed("?filter=" + enc("title = 'note of 0'"), tokens.get(0))).containsExactly(ids.get(0));

            assertThat(get(records + "/" + ids.get(0), tokens.get(0)).status()).isEqualTo(200);
            assertThat(get(records + "/" + ids.get(1), tokens.get(0)).status()).isEqualTo(404);
            assertThat(get(records + "/" + ids.get(1), tokens.get(1)).get("title").asString()).isEqualTo("note of 1");
            assertThat(get(records + "/" + ids.get(0), null).status()).isEqualTo(404);
            assertThat(get(records + "/" + ids.get(2), null).get("title").asString()).isEqualTo("public");
            assertThat(get(records + "/" + ids.get(2), tokens.get(1)).status()).isEqualTo(200);
        }
    }

    @Test
    void aSchemaChangeIsSeenByTheNextRead() {
        List<String> ids = new ArrayList<>();
        List<String> tokens = setUp(ids);
        assertThat(listed("?sort=title", tokens.get(0))).containsExactly(ids.get(0), ids.get(2));
        assertThat(get(records + "/" + ids.get(1), tokens.get(0)).status()).isEqualTo(404);

        // another rule: the same filter and sort, another SQL
        Response changed = patch("/api/collections/" + notes, Map.of("listRule", "public = false",
                "viewRule", "public = false"), superuser());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(listed("?sort=title", tokens.get(0))).containsExactly(ids.get(0), ids.get(1));
        assertThat(get(records + "/" + ids.get(1), tokens.get(0)).status()).isEqualTo(200);
        assertThat(get(records + "/" + ids.get(2), tokens.get(0)).status()).isEqualTo(404);

        // a renamed field and a new one: the rows read the new columns
        Response collection = get("/api/collections/" + notes, superuser());
        List<Object> fields = new ArrayList<>();
        collection.json().get("fields").forEach(f -> {
            Map<String, Object> field = new HashMap<>(JSON_MAPPER.convertValue(f, Map.class));
            if ("title".equals(field.get("name"))) {
                field.put("name", "heading");
            }
            fields.add(field);
        });
        fields.add(Map.of("name", "rank", "type", "number"));
        Response renamed = patch("/api/collections/" + notes, Map.of("fields", fields), superuser());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Response page = get(records + "?sort=heading", tokens.get(0));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("items").get(0).has("title")).isFalse();
        assertThat(page.json().get("items").get(0).get("heading").asString()).isEqualTo("note of 0");
        assertThat(page.json().get("items").get(0).get("rank").asInt()).isZero();
        Response one = get(records + "/" + ids.get(1), tokens.get(0));
        assertThat(one.get("heading").asString()).isEqualTo("note of 1");
        assertThat(get(records + "?sort=title", tokens.get(0)).status()).isEqualTo(400);
    }

    private static String enc(String filter) {
        return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON_MAPPER =
            tools.jackson.databind.json.JsonMapper.builder().build();
}
