package dev.basalt.records;

import static dev.basalt.records.RelationFixtures.collection;
import static dev.basalt.records.RelationFixtures.relation;
import static dev.basalt.records.RelationFixtures.text;
import static dev.basalt.records.RelationFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Filters, sorts and rules through relations against real PostgreSQL, over HTTP. */
class RelationFilterApiTest extends ApiTest {
    private String teams;
    private String users;
    private String posts;
    private String postsId;
    private String comments;
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeEach
    void data() {
        teams = unique("teams");
        String teamsId = createCollection(collection(teams, text("name")));
        users = unique("users");
        Map<String, Object> secret = text("secret");
        secret.put("hidden", true);
        String usersId = createCollection(collection(users, text("name"), secret,
                relation("team", teamsId, 1, false, false)));
        posts = unique("posts");
        postsId = createCollection(collection(posts, text("title"), relation("author", usersId, 1, false, false),
                relation("editors", usersId, 5, false, false)));
        comments = unique("comments");
        createCollection(collection(comments, text("message"), relation("post", postsId, 1, false, false)));

        ids.put("red", create(teams, Map.of("name", "Red")));
        ids.put("ann", create(users, Map.of("name", "Ann", "secret", "s1", "team", ids.get("red"))));
        ids.put("bob", create(users, Map.of("name", "Bob", "secret", "s2")));
        ids.put("p1", create(posts, Map.of("title", "p1", "author", ids.get("ann"),
                "editors", List.of(ids.get("ann"), ids.get("bob")))));
        ids.put("p2", create(posts, Map.of("title", "p2", "author", ids.get("bob"), "editors", List.of(ids.get("bob")))));
        ids.put("p3", create(posts, Map.of("title", "p3")));
        create(comments, Map.of("message", "hello one", "post", ids.get("p1")));
        create(comments, Map.of("message", "hello two", "post", ids.get("p1")));
        create(comments, Map.of("message", "bye", "post", ids.get("p2")));
    }

    private String createCollection(Map<String, Object> definition) {
        Response r = post("/api/collections", definition, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    private String create(String collection, Map<String, Object> body) {
        Response r = post("/api/collections/" + collection + "/records", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    private Response list(String query, String token) {
        return get("/api/collections/" + posts + "/records?" + query, token);
    }

    private List<String> titles(String filter, String sort) {
        Response r = list("filter=" + enc(filter) + "&sort=" + enc(sort == null ? "title" : sort), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode item : r.json().get("items")) {
            out.add(item.get("title").asString());
        }
        assertThat(r.json().get("totalItems").asInt()).as("count matches the items").isEqualTo(out.size());
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void filtersThroughSingleAndNestedRelations() {
        assertThat(titles("author.name = 'Ann'", null)).containsExactly("p1");
        assertThat(titles("author.team.name = 'Red'", null)).containsExactly("p1");
        assertThat(titles("author.name = ''", null)).as("no author reads as empty").containsExactly("p3");
        assertThat(titles("author.team.name != 'Red'", null)).containsExactly("p2", "p3");
    }

    @Test
    void multipleRelationsMatchAnyWithTheQuestionMarkAndAllWithout() {
        assertThat(titles("editors.name ?= 'Bob'", null)).containsExactly("p1", "p2");
        assertThat(titles("editors.name = 'Bob'", null)).containsExactly("p2");
        assertThat(titles("editors.name ?~ 'an'", null)).containsExactly("p1");
    }

    @Test
    void backRelationsCountEachRecordOnce() {
        assertThat(titles(comments + "_via_post.message ?~ 'hello'", null)).containsExactly("p1");
        assertThat(titles(comments + "_via_post.message ?~ 'e'", null)).containsExactly("p1", "p2");
        assertThat(titles(comments + "_via_post.message = ''", null)).as("no comments reads as empty")
                .containsExactly("p3");
    }

    @Test
    void sortsThroughRelations() {
        assertThat(titles("", "-author.name,title")).containsExactly("p2", "p1", "p3");
        assertThat(list("sort=editors.name", null).status()).isEqualTo(400);
    }

    @Test
    void hiddenRelatedFieldsAreForClientsUnknownButUsableInRules() {
        Response r = list("filter=" + enc("author.secret = 's1'"), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("data").get("filter").get("code").asString()).isEqualTo("validation_invalid_filter");
        assertThat(list("filter=" + enc("author.secret = 's1'"), superuser()).json().get("totalItems").asInt())
                .isEqualTo(1);

        Response rule = patch("/api/collections/" + posts, Map.of("listRule", "author.secret = 's1'",
                "viewRule", "author.secret = 's2'", "updateRule", "editors.name ?= 'Ann'"), superuser());
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        assertThat(titles("", null)).containsExactly("p1");
        String base = "/api/collections/" + posts + "/records/";
        assertThat(get(base + ids.get("p1"), null).status()).isEqualTo(404);
        assertThat(get(base + ids.get("p2"), null).status()).isEqualTo(200);
        assertThat(patch(base + ids.get("p2"), Map.of("title", "x"), null).status()).isEqualTo(404);
        assertThat(patch(base + ids.get("p1"), Map.of("title", "p1"), null).status()).isEqualTo(200);
    }

    @Test
    void rulesWithUnknownRelationPathsAreRejectedWhenSaved() {
        Response r = patch("/api/collections/" + posts, Map.of("listRule", "author.nope = 1"), superuser());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("data").get("listRule").get("code").asString()).isEqualTo("validation_invalid_rule");
        Response self = post("/api/collections", collection(unique("nodes"), text("name")), superuser());
        String nodesId = self.json().get("id").asString();
        Response selfRelation = patch("/api/collections/" + nodesId, Map.of("fields", List.of(text("name"),
                relation("parent", nodesId, 1, false, false)), "listRule", "parent.parent.name != 'x'"), superuser());
        assertThat(selfRelation.status()).as(selfRelation.body()).isEqualTo(200);
    }
}
