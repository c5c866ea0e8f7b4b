package dev.basalt.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/collections/meta/*} over HTTP: scaffolds, OAuth2 provider list, view dry runs; superusers only. */
class CollectionMetaApiTest extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String unique(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime(), 36);
    }

    private static List<String> names(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.get("name").asString()));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, LinkedHashMap.class);
    }

    /** A signed-in record of a fresh auth collection (made from the auth scaffold). */
    private String userToken() {
        String users = unique("mu");
        Map<String, Object> scaffold = map(get("/api/collections/meta/scaffolds", superuser()).get("auth"));
        scaffold.put("name", users);
        assertThat(post("/api/collections", scaffold, superuser()).status()).isEqualTo(200);
        Response created = post("/api/collections/" + users + "/records", Map.of("email", "u@example.com",
                "password", "password123", "passwordConfirm", "password123"), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return post("/api/collections/" + users + "/auth-with-password",
                Map.of("identity", "u@example.com", "password", "password123"), null).get("token").asString();
    }

    @Test
    void scaffoldsAreBlankCollectionsAsPocketBaseGivesThem() {
        Response r = get("/api/collections/meta/scaffolds", superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(new ArrayList<>(map(r.json()).keySet())).containsExactly("auth", "base", "view");
        JsonNode base = r.get("base");
        assertThat(base.get("id").asString()).isEmpty();
        assertThat(base.get("name").asString()).isEmpty();
        assertThat(base.get("type").asString()).isEqualTo("base");
        assertThat(base.get("created").asString()).isEmpty();
        assertThat(names(base.get("fields"))).containsExactly("id");
        assertThat(base.get("fields").get(0).get("id").asString()).isEqualTo("text3208210256");
        assertThat(base.get("fields").get(0).get("primaryKey").asBoolean()).isTrue();
        for (String rule : List.of("listRule", "viewRule", "createRule", "updateRule", "deleteRule")) {
            assertThat(base.get(rule).isNull()).as(rule).isTrue();
        }
        JsonNode auth = r.get("auth");
        assertThat(names(auth.get("fields"))).containsExactly("id", "password", "tokenKey", "email",
                "emailVisibility", "verified", "roles");
        assertThat(auth.get("authRule").asString()).isEmpty();
        assertThat(auth.get("manageRule").isNull()).isTrue();
        assertThat(auth.get("passwordAuth").get("identityFields").get(0).asString()).isEqualTo("email");
        assertThat(auth.get("oauth2").get("providers").isArray()).isTrue();
        assertThat(auth.get("indexes")).hasSize(2);
        assertThat(auth.get("indexes").get(0).asString()).startsWith("CREATE UNIQUE INDEX `idx_tokenKey_")
                .contains("ON `` (`tokenKey`)");
        JsonNode view = r.get("view");
        assertThat(view.get("fields")).isEmpty();
        assertThat(view.get("viewQuery").asString()).isEmpty();
        assertThat(view.has("authRule")).isFalse();
    }

    @Test
    void eachScaffoldPostedBackWithANameCreatesItsCollection() {
        JsonNode scaffolds = get("/api/collections/meta/scaffolds", superuser()).json();
        for (String type : List.of("base", "auth", "view")) {
            Map<String, Object> body = map(scaffolds.get(type));
            String name = unique("sc" + type);
            body.put("name", name);
            if (type.equals("view")) {
                body.put("viewQuery", "SELECT id, created FROM _superusers");
            }
            Response created = post("/api/collections", body, superuser());
            assertThat(created.status()).as(type + ": " + created.body()).isEqualTo(200);
            assertThat(created.get("type").asString()).isEqualTo(type);
            assertThat(created.get("id").asString()).startsWith("pbc_");
            if (type.equals("auth")) {
                assertThat(created.get("indexes").get(0).asString()).contains("ON `" + name + "`");
            }
            if (!type.equals("view")) {
                assertThat(names(created.get("fields"))).contains("id", "created", "updated");
            }
        }
    }

    @Test
    void oauth2ProvidersAreListedInPocketBasesOrder() {
        Response r = get("/api/collections/meta/oauth2-providers", superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(names(r.json())).containsExactly("apple", "google", "microsoft", "yandex", "facebook",
                "instagram2", "github", "gitlab", "bitbucket", "gitee", "gitea", "discord", "twitter", "kakao", "vk",
                "linear", "notion", "monday", "lark", "box", "spotify", "trakt", "twitch", "patreon", "strava",
                "wakatime", "livechat", "mailcow", "planningcenter", "oidc", "oidc2", "oidc3");
        assertThat(names(r.json())).containsExactlyInAnyOrderElementsOf(AuthOptions.OAuth2.PROVIDERS);
        JsonNode google = r.json().get(1);
        assertThat(google.get("displayName").asString()).isEqualTo("Google");
        assertThat(google.get("logo").asString()).startsWith("<svg");
        assertThat(r.json().get(12).get("displayName").asString()).isEqualTo("X/Twitter");
        assertThat(r.json().get(29).get("displayName").asString()).isEqualTo("OIDC");
    }

    @Test
    void dryRunGivesTheInferredFieldsAndASampleWithoutCreatingAnything() {
        int before = get("/api/collections?perPage=500", superuser()).get("totalItems").asInt();
        Response r = post("/api/collections/meta/dry-run-view", Map.of("query",
                "SELECT id, email, password, 2.5 AS score, true AS flag, created FROM _superusers"), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(names(r.get("fields"))).containsExactly("id", "email", "password", "score", "flag", "created");
        assertThat(r.get("fields").get(3).get("type").asString()).isEqualTo("number");
        assertThat(r.get("fields").get(4).get("type").asString()).isEqualTo("bool");
        JsonNode first = r.get("sample").get(0);
        assertThat(first.get("score").asDouble()).isEqualTo(2.5);
        assertThat(first.get("flag").asBoolean()).isTrue();
        assertThat(first.has("password")).as("hidden fields stay hidden").isFalse();
        assertThat(first.get("created").asString()).endsWith("Z");
        assertThat(get("/api/collections?perPage=500", superuser()).get("totalItems").asInt()).isEqualTo(before);
    }

    @Test
    void invalidDryRunQueriesAnswer400InPocketBasesShape() {
        Response blank = post("/api/collections/meta/dry-run-view", Map.of("query", " "), superuser());
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.get("data").get("query").get("code").asString()).isEqualTo("validation_required");
        Response missing = post("/api/collections/meta/dry-run-view", Map.of(), superuser());
        assertThat(missing.status()).isEqualTo(400);
        Response unknown = post("/api/collections/meta/dry-run-view",
                Map.of("query", "SELECT id FROM no_such_table_here"), superuser());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.get("message").asString()).startsWith("Invalid view query. Raw error: \n")
                .contains("no_such_table_here");
        assertThat(unknown.get("data").isEmpty()).isTrue();
        Response write = post("/api/collections/meta/dry-run-view",
                Map.of("query", "DELETE FROM _superusers"), superuser());
        assertThat(write.status()).isEqualTo(400);
        assertThat(get("/api/collections/_superusers/records", superuser()).get("totalItems").asInt())
                .isPositive();
        Response noId = post("/api/collections/meta/dry-run-view", Map.of("query", "SELECT email FROM _superusers"),
                superuser());
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.get("message").asString()).contains("missing required id column");
        Response dupes = post("/api/collections/meta/dry-run-view",
                Map.of("query", "SELECT 'x' AS id FROM generate_series(1, 3)"), superuser());
        assertThat(dupes.status()).isEqualTo(400);
        assertThat(dupes.get("message").asString()).contains("non-unique ids");
    }

    @Test
    void everyMetaEndpointNeedsASuperuser() {
        String user = userToken();
        Map<String, Object> query = Map.of("query", "SELECT id FROM _superusers");
        assertThat(get("/api/collections/meta/scaffolds", null).status()).isEqualTo(401);
        assertThat(get("/api/collections/meta/scaffolds", user).status()).isEqualTo(403);
        assertThat(get("/api/collections/meta/oauth2-providers", null).status()).isEqualTo(401);
        assertThat(get("/api/collections/meta/oauth2-providers", user).status()).isEqualTo(403);
        assertThat(post("/api/collections/meta/dry-run-view", query, null).status()).isEqualTo(401);
        Response forbidden = post("/api/collections/meta/dry-run-view", query, user);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.get("data").isEmpty()).isTrue();
    }
}
