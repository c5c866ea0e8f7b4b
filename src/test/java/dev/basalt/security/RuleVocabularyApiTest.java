package dev.basalt.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The rule vocabulary through the records and batch APIs: {@code @request.*}, {@code @collection.*}, modifiers. */
class RuleVocabularyApiTest extends SecurityFixtures {

    @Test
    void bodyIssetProtectsAFieldAndAFailedUpdateChangesNothing() {
        JsonNode users = users(List.of(field("name", "text"), field("role", "text")));
        String c = users.get("name").asString();
        User ann = user(c, "ann@example.com", Map.of("name", "Ann", "role", "member"));
        // owners may update themselves, but not their role
        Response patch = patch("/api/collections/" + c, Map.of("updateRule",
                "id = @request.auth.id && @request.body.role:isset = false"), superuser());
        assertThat(patch.status()).as(patch.body()).isEqualTo(200);

        Response escalate = patch(records(c) + "/" + ann.id(), Map.of("name", "Boss", "role", "admin"), ann.token());
        assertThat(escalate.status()).isEqualTo(404);
        assertThat(stored(c, ann.id()).get("role").asString()).isEqualTo("member");
        assertThat(stored(c, ann.id()).get("name").asString()).isEqualTo("Ann");

        Response rename = patch(records(c) + "/" + ann.id(), Map.of("name", "Anna"), ann.token());
        assertThat(rename.status()).as(rename.body()).isEqualTo(200);
        assertThat(stored(c, ann.id()).get("name").asString()).isEqualTo("Anna");
    }

    @Test
    void changedComparesTheBodyWithTheStoredRecord() {
        String c = base("docs", List.of(field("title", "text"), field("status", "text")), "", "", "",
                "@request.body.status:changed = false", "").get("name").asString();
        String id = seed(c, Map.of("title", "a", "status", "draft"));
        assertThat(patch(records(c) + "/" + id, Map.of("status", "published"), null).status()).isEqualTo(404);
        assertThat(stored(c, id).get("status").asString()).isEqualTo("draft");
        // the same value is not a change
        assertThat(patch(records(c) + "/" + id, Map.of("status", "draft", "title", "b"), null).status())
                .isEqualTo(200);
        assertThat(patch(records(c) + "/" + id, Map.of("title", "c"), null).status()).isEqualTo(200);
        assertThat(stored(c, id).get("title").asString()).isEqualTo("c");
    }

    @Test
    void createRulesSeeTheBodyAndTheRecordAsStored() {
        JsonNode users = users(List.of(field("name", "text")));
        String u = users.get("name").asString();
        User ann = user(u, "ann2@example.com", Map.of("name", "Ann"));
        String c = base("notes", List.of(field("text", "text"), relation("owner", users.get("id").asString(), 1),
                        field("level", "number")), "", "", "owner = @request.auth.id && @request.body.level:isset = false",
                null, null).get("name").asString();
        assertThat(post(records(c), Map.of("text", "x", "owner", ann.id(), "level", 5), ann.token()).status())
                .isEqualTo(400);
        assertThat(post(records(c), Map.of("text", "x"), ann.token()).status()).isEqualTo(400);
        assertThat(count(c)).isZero();
        Response ok = post(records(c), Map.of("text", "x", "owner", ann.id()), ann.token());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(count(c)).isEqualTo(1);
    }

    @Test
    void queryHeadersMethodAndContextAreTheCallers() {
        String c = base("feed", List.of(field("title", "text"), field("lang", "text")),
                "lang = @request.query.lang && @request.headers.x_client = 'app' && @request.method = 'GET'"
                        + " && @request.context = 'default'", null, null, null, null).get("name").asString();
        seed(c, Map.of("title", "hello", "lang", "en"));
        seed(c, Map.of("title", "hallo", "lang", "de"));
        HttpRequest withHeader = HttpRequest.newBuilder(URI.create(baseUrl() + records(c) + "?lang=de"))
                .header("X-Client", "app").GET().build();
        Response list = execute(withHeader);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(list.json().get("items").get(0).get("title").asString()).isEqualTo("hallo");
        assertThat(get(records(c) + "?lang=de", null).json().get("totalItems").asInt()).isZero();
        // the filter parameter reads the caller's request too
        Response filtered = execute(HttpRequest.newBuilder(URI.create(baseUrl() + records(c)
                + "?lang=en&filter=" + java.net.URLEncoder.encode("title = @request.query.lang || title = 'hello'",
                java.nio.charset.StandardCharsets.UTF_8))).header("X-Client", "app").GET().build());
        assertThat(filtered.json().get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void collectionJoinsGiveTeamAccessWithOneMembershipRow() {
        JsonNode users = users(List.of(field("name", "text")));
        String u = users.get("name").asString();
        User ann = user(u, "ann3@example.com", Map.of("name", "Ann"));
        User bob = user(u, "bob3@example.com", Map.of("name", "Bob"));
        JsonNode teams = base("teams", List.of(field("name", "text")), "", "", null, null, null);
        String teamA = seed(teams.get("name").asString(), Map.of("name", "A"));
        String teamB = seed(teams.get("name").asString(), Map.of("name", "B"));
        JsonNode members = base("members", List.of(relation("user", users.get("id").asString(), 1),
                relation("team", teams.get("id").asString(), 1), field("admin", "bool")), null, null, null, null, null);
        String m = members.get("name").asString();
        seed(m, Map.of("user", ann.id(), "team", teamA, "admin", false));
        seed(m, Map.of("user", bob.id(), "team", teamB, "admin", true));
        String rule = "@collection." + m + ".user ?= @request.auth.id && @collection." + m + ".team ?= team"
                + " && @collection." + m + ".admin ?= true";
        String docs = base("tdocs", List.of(field("title", "text"), relation("team", teams.get("id").asString(), 1)),
                rule, rule, null, null, null).get("name").asString();
        String docA = seed(docs, Map.of("title", "a", "team", teamA));
        String docB = seed(docs, Map.of("title", "b", "team", teamB));
        // Ann is a member of A but not an admin there; Bob is an admin of B only. One row must satisfy all three.
        assertThat(get(records(docs), ann.token()).json().get("totalItems").asInt()).isZero();
        assertThat(get(records(docs) + "/" + docA, ann.token()).status()).isEqualTo(404);
        Response bobs = get(records(docs), bob.token());
        assertThat(bobs.json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(bobs.json().get("items").get(0).get("id").asString()).isEqualTo(docB);
        // the members collection is superusers-only: a client filter cannot reach it
        Response probe = get(records(docs) + "?filter=" + java.net.URLEncoder.encode("@collection." + m
                + ".admin ?= true", java.nio.charset.StandardCharsets.UTF_8), bob.token());
        assertThat(probe.status()).isEqualTo(400);
        assertThat(probe.body()).contains("unknown collection");
    }

    @Test
    void authRelationsAreFollowedThroughTheAuthCollection() {
        JsonNode teams = base("ateams", List.of(field("name", "text")), null, null, null, null, null);
        String core = seed(teams.get("name").asString(), Map.of("name", "core"));
        String other = seed(teams.get("name").asString(), Map.of("name", "other"));
        JsonNode users = users(List.of(relation("team", teams.get("id").asString(), 1)));
        String u = users.get("name").asString();
        User ann = user(u, "ann4@example.com", Map.of("team", core));
        User bob = user(u, "bob4@example.com", Map.of("team", other));
        String c = base("adocs", List.of(field("title", "text")), "@request.auth.team.name = 'core'", null, null,
                null, null).get("name").asString();
        seed(c, Map.of("title", "x"));
        assertThat(get(records(c), ann.token()).json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(get(records(c), bob.token()).json().get("totalItems").asInt()).isZero();
        assertThat(get(records(c), null).json().get("totalItems").asInt()).isZero();
    }

    @Test
    void batchSubRequestsAreCheckedWithTheirOwnBody() {
        String c = base("bdocs", List.of(field("title", "text"), field("status", "text")), "", "", "",
                "@request.body.status:isset = false", "").get("name").asString();
        String one = seed(c, Map.of("title", "1", "status", "draft"));
        String two = seed(c, Map.of("title", "2", "status", "draft"));
        Response batch = post("/api/batch", Map.of("requests", List.of(
                Map.of("method", "PATCH", "url", records(c) + "/" + one, "body", Map.of("title", "1b")),
                Map.of("method", "PATCH", "url", records(c) + "/" + two, "body", Map.of("status", "published")))),
                null);
        assertThat(batch.status()).as(batch.body()).isEqualTo(400);
        assertThat(batch.json().get("data").get("requests").get("1").get("response").get("status").asInt())
                .isEqualTo(404);
        assertThat(stored(c, one).get("title").asString()).as("rolled back").isEqualTo("1");
        assertThat(stored(c, two).get("status").asString()).isEqualTo("draft");
        Response ok = post("/api/batch", Map.of("requests", List.of(
                Map.of("method", "PATCH", "url", records(c) + "/" + one, "body", Map.of("title", "1c")))), null);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(stored(c, one).get("title").asString()).isEqualTo("1c");
    }

    @Test
    void savingARuleNamesUnknownFieldsCollectionsAndModifiers() {
        String c = base("vdocs", List.of(field("title", "text")), "", "", "", "", "").get("name").asString();
        Response badCollection = patch("/api/collections/" + c, Map.of("listRule", "@collection.nope.x ?= 1"),
                superuser());
        assertThat(badCollection.status()).isEqualTo(400);
        assertThat(badCollection.json().get("data").get("listRule").get("message").asString())
                .contains("unknown collection \"nope\"");
        Response badModifier = patch("/api/collections/" + c, Map.of("viewRule", "title:upper = 'A'"), superuser());
        assertThat(badModifier.status()).isEqualTo(400);
        assertThat(badModifier.json().get("data").get("viewRule").get("message").asString())
                .contains("unknown modifier \":upper\"");
        Response badChanged = patch("/api/collections/" + c, Map.of("updateRule", "@request.body.nope:changed = true"),
                superuser());
        assertThat(badChanged.status()).isEqualTo(400);
        assertThat(badChanged.json().get("data").get("updateRule").get("message").asString())
                .contains("needs a field of the collection");
        assertThat(patch("/api/collections/" + c, Map.of("updateRule",
                "@request.body.title:changed = false && @request.headers.x:isset = false"), superuser()).status())
                .isEqualTo(200);
    }
}
