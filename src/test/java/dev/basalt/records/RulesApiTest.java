package dev.basalt.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PocketBase's rule semantics on each records endpoint: null, "", and expressions. */
class RulesApiTest extends ApiTest {

    private String collection(String listRule, String viewRule, String createRule, String updateRule, String deleteRule) {
        String name = "rules_" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("fields", List.of(Map.of("name", "title", "type", "text"), Map.of("name", "published", "type", "bool"),
                Map.of("name", "owner", "type", "text")));
        body.put("listRule", listRule);
        body.put("viewRule", viewRule);
        body.put("createRule", createRule);
        body.put("updateRule", updateRule);
        body.put("deleteRule", deleteRule);
        Response r = post("/api/collections", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return "/api/collections/" + name + "/records";
    }

    private String seed(String records, String title, boolean published) {
        Response r = post(records, Map.of("title", title, "published", published), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    @Test
    void nullRulesAreSuperusersOnly() {
        String records = collection(null, null, null, null, null);
        String id = seed(records, "x", true);
        assertThat(get(records, null).status()).isEqualTo(403);
        assertThat(get(records + "/" + id, null).status()).isEqualTo(403);
        assertThat(post(records, Map.of("title", "y"), null).status()).isEqualTo(403);
        assertThat(patch(records + "/" + id, Map.of("title", "y"), null).status()).isEqualTo(403);
        assertThat(delete(records + "/" + id, null).status()).isEqualTo(403);
        assertThat(get(records, superuser()).json().get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void expressionRulesFilterRowsAndAnswer404OrEmpty() {
        String rule = "published = true";
        String records = collection(rule, rule, "published = true", rule, rule);
        String visible = seed(records, "visible", true);
        String hidden = seed(records, "hidden", false);

        Response list = get(records, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(visible);

        assertThat(get(records + "/" + visible, null).status()).isEqualTo(200);
        assertThat(get(records + "/" + hidden, null).status()).isEqualTo(404);
        assertThat(patch(records + "/" + hidden, Map.of("title", "changed"), null).status()).isEqualTo(404);
        assertThat(delete(records + "/" + hidden, null).status()).isEqualTo(404);
        assertThat(get(records + "/" + hidden, superuser()).json().get("title").asString()).isEqualTo("hidden");

        Response refused = post(records, Map.of("title", "not published", "published", false), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(post(records, Map.of("title", "published", "published", true), null).status()).isEqualTo(200);
        assertThat(get(records, superuser()).json().get("totalItems").asInt()).as("refused create wrote nothing").isEqualTo(3);

        assertThat(delete(records + "/" + visible, null).status()).isEqualTo(204);
    }

    @Test
    void authRulesSeeTheCaller() {
        String records = collection("@request.auth.id != ''", "@request.auth.collectionName = '_superusers'", "", "", "");
        seed(records, "a", true);
        Response anonymous = get(records, null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("totalItems").asInt()).isZero();
    }
}
