package dev.basalt.security;

import static dev.basalt.security.RecordsAccessMatrixTest.encode;
import static dev.basalt.security.RecordsAccessMatrixTest.ids;
import static dev.basalt.security.SecurityFixtures.records;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every side path a caller could use to learn or change what the rules hide: filters and sorts on hidden fields
 * and on superusers-only collections, {@code fields}, {@code expand}, {@code @collection} joins, the batch API and
 * API keys. Bob attacks Ann's draft (secret {@code s3cr3t}, linked to vault code 42).
 */
class SidePathsTest extends SecurityFixtures {
    private static Scenario s;

    @BeforeEach
    void scenario() {
        if (s == null) {
            s = Scenario.create(this);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret = 's3cr3t'", "secret ~ 's'", "secret != ''", "vault.code = '42'",
            "vault.code ?= '42'", "owner.note = 'ann-note'", "owner.password != ''", "owner.tokenKey != ''",
            "comments_via_post.post.secret ~ 's'", "@collection.VAULT.code ?= '42'", "@collection.VAULT.code = '42'",
            "@collection.VAULT:v.id ?= vault", "@collection.USERS.note ?= 'ann-note'"})
    void filtersCannotProbeHiddenFieldsOrSuperusersOnlyCollections(String probe) {
        String filter = probe.replace("VAULT", s.vault()).replace("USERS", s.users())
                .replace("comments_via_post", s.comments() + "_via_post");
        for (String token : new String[] {null, s.bob().token(), s.ann().token()}) {
            Response r = get(records(s.posts()) + "?filter=" + encode(filter), token);
            assertThat(r.status()).as(filter + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("data").get("filter").get("code").asString()).isEqualTo("validation_invalid_filter");
            assertThat(r.body()).doesNotContain(Scenario.SECRET).doesNotContain("ann draft");
        }
    }

    @Test
    void aSuperuserMayFilterOnAnything() {
        Response r = get(records(s.posts()) + "?filter=" + encode("secret = 's3cr3t' && vault.code = '42' && @collection."
                + s.vault() + ".code ?= '42'"), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(ids(r.json().get("items"))).containsExactly(s.annDraft());
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "-secret", "vault.code", "owner.note", "owner.password"})
    void sortsCannotOrderByHiddenFieldsOrSuperusersOnlyCollections(String sort) {
        Response r = get(records(s.posts()) + "?sort=" + encode(sort), s.bob().token());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("data").get("sort")).isNotNull();
    }

    @Test
    void fieldsNeverPrintHiddenValues() {
        Response r = get(records(s.posts()) + "/" + s.annDraft() + "?fields=" + encode("id,secret,owner,*"),
                s.ann().token());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().has("secret")).isFalse();
        assertThat(r.body()).doesNotContain(Scenario.SECRET);
        Response user = get(records(s.users()) + "/" + s.ann().id() + "?fields=note,password,tokenKey,name",
                s.ann().token());
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.body()).doesNotContain("ann-note").doesNotContain("tokenKey").doesNotContain("password");
        assertThat(user.json().get("name").asString()).isEqualTo("Ann");
    }

    @Test
    void expandLeavesOutWhatTheCallerMayNotView() {
        // Ann may view her draft, but not the superusers-only vault record it links
        Response own = get(records(s.posts()) + "/" + s.annDraft() + "?expand=vault,owner", s.ann().token());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("expand").has("vault")).isFalse();
        assertThat(own.json().get("expand").get("owner").get("id").asString()).isEqualTo(s.ann().id());
        assertThat(own.body()).doesNotContain("\"42\"").doesNotContain("ann-note");
        // a guest sees Bob's public post, but not Bob (users show only themselves)
        Response guest = get(records(s.posts()) + "/" + s.bobPost() + "?expand=owner", null);
        assertThat(guest.status()).isEqualTo(200);
        assertThat(guest.json().has("expand")).isFalse();
        assertThat(guest.body()).doesNotContain("bob@");
        // comments are public, the draft they point at is not
        Response comments = get(records(s.comments()) + "?expand=post", s.bob().token());
        assertThat(comments.json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(comments.json().get("items").get(0).has("expand")).isFalse();
        assertThat(comments.body()).doesNotContain("ann draft");
        // back-relations are filtered the same way
        Response back = get(records(s.posts()) + "/" + s.bobPost() + "?expand=" + s.comments() + "_via_post",
                s.bob().token());
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).doesNotContain("ann draft");
    }

    @Test
    void batchSubRequestsMeetTheSameRules() {
        int before = count(s.posts());
        Response steal = post("/api/batch", Map.of("requests", List.of(
                Map.of("method", "POST", "url", records(s.posts()), "body", Map.of("title", "mine", "owner",
                        s.bob().id())),
                Map.of("method", "PATCH", "url", records(s.posts()) + "/" + s.annDraft(),
                        "body", Map.of("published", true)))), s.bob().token());
        assertThat(steal.status()).isEqualTo(400);
        assertThat(steal.json().get("data").get("requests").get("1").get("response").get("status").asInt())
                .isEqualTo(404);
        assertThat(count(s.posts())).as("the first sub-request was rolled back").isEqualTo(before);
        assertThat(stored(s.posts(), s.annDraft()).get("published").asBoolean()).isFalse();
        Response forged = post("/api/batch", Map.of("requests", List.of(Map.of("method", "POST", "url",
                records(s.posts()), "body", Map.of("title", "forged", "owner", s.ann().id())))), s.bob().token());
        assertThat(forged.status()).isEqualTo(400);
        Response closed = post("/api/batch", Map.of("requests", List.of(Map.of("method", "DELETE", "url",
                records(s.vault()) + "/" + s.vaultRecord()))), s.bob().token());
        assertThat(closed.json().get("data").get("requests").get("0").get("response").get("status").asInt())
                .isEqualTo(403);
        assertThat(count(s.posts())).isEqualTo(before);
        assertThat(count(s.vault())).isEqualTo(1);
    }

    @Test
    void apiKeysStayWithinTheirScopes() {
        Response created = post("/api/api-keys", Map.of("name", "posts-reader", "scopes",
                List.of(s.posts() + ":list")), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String key = created.json().get("key").asString();
        assertThat(withKey("GET", records(s.posts()), key).status()).isEqualTo(200);
        assertThat(withKey("GET", records(s.posts()) + "/" + s.annDraft(), key).status()).isEqualTo(403);
        assertThat(withKey("GET", records(s.vault()), key).status()).isEqualTo(403);
        assertThat(withKey("GET", records(s.posts()) + "?expand=vault", key).status()).isEqualTo(403);
        assertThat(withKey("DELETE", records(s.posts()) + "/" + s.annDraft(), key).status()).isEqualTo(403);
        assertThat(withKey("POST", "/api/batch", key).status()).isEqualTo(403);
        assertThat(get(records(s.posts()) + "/" + s.annDraft(), superuser()).status()).isEqualTo(200);
    }

    @Test
    void aKeyBoundToAUserMeetsThatUsersRules() {
        Response created = post("/api/api-keys", Map.of("name", "bob-app", "scopes",
                List.of(s.posts() + ":list", s.posts() + ":view", s.posts() + ":update"),
                "collection", s.users(), "recordId", s.bob().id()), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String key = created.json().get("key").asString();
        Response list = withKey("GET", records(s.posts()), key);
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list.json().get("items"))).containsExactly(s.bobPost());
        assertThat(list.body()).doesNotContain("ann draft");
        assertThat(withKey("GET", records(s.posts()) + "/" + s.annDraft(), key).status()).isEqualTo(404);
        assertThat(withKey("GET", records(s.posts()) + "?filter=" + encode("secret ~ 's'"), key).status())
                .isEqualTo(400);
    }

    private Response withKey(String method, String path, String key) {
        return execute(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"requests\":[]}")
                        : HttpRequest.BodyPublishers.noBody()).build());
    }

    static JsonNode first(Response r) {
        return r.json().get("items").get(0);
    }
}
