package dev.basalt.records;

import static dev.basalt.records.RelationFixtures.collection;
import static dev.basalt.records.RelationFixtures.relation;
import static dev.basalt.records.RelationFixtures.text;
import static dev.basalt.records.RelationFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** expand over HTTP: single, multiple, back-relations, nesting, viewRule of each related collection, fields. */
class ExpandApiTest extends ApiTest {
    private String users;
    private String usersId;
    private String posts;
    private String comments;
    private String ann;
    private String bob;
    private String post;

    @BeforeEach
    void data() {
        users = unique("users");
        usersId = createCollection(collection(users, text("name")));
        posts = unique("posts");
        String postsId = createCollection(collection(posts, text("title"), text("body"),
                relation("author", usersId, 1, false, false), relation("editors", usersId, 5, false, false)));
        comments = unique("comments");
        createCollection(collection(comments, text("message"), relation("post", postsId, 1, false, false),
                relation("author", usersId, 1, false, false)));
        ann = create(users, Map.of("name", "Ann"));
        bob = create(users, Map.of("name", "Bob"));
        post = create(posts, Map.of("title", "p", "body", "<p>Hello <b>big</b> world</p>", "author", ann,
                "editors", List.of(bob, ann)));
        create(comments, Map.of("message", "c1", "post", post, "author", bob));
        create(comments, Map.of("message", "c2", "post", post, "author", ann));
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

    private JsonNode view(String query) {
        Response r = get("/api/collections/" + posts + "/records/" + post + "?" + query, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void singleRelationsExpandToObjectsAndMultipleToArrays() {
        JsonNode r = view("expand=author,editors");
        assertThat(r.get("author").asString()).as("the id stays").isEqualTo(ann);
        assertThat(r.get("expand").get("author").get("name").asString()).isEqualTo("Ann");
        assertThat(r.get("expand").get("author").get("collectionName").asString()).isEqualTo(users);
        assertThat(r.get("expand").get("editors").get(0).get("name").asString()).isEqualTo("Bob");
        assertThat(r.get("expand").get("editors").get(1).get("name").asString()).isEqualTo("Ann");
        assertThat(view("").has("expand")).as("no expand key unless asked").isFalse();
        assertThat(view("expand=nope,title").has("expand")).as("unknown keys are skipped").isFalse();
    }

    @Test
    void backRelationsAndNestedPathsExpandInLists() {
        Response r = get("/api/collections/" + posts + "/records?expand=" + comments + "_via_post.author", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode back = r.json().get("items").get(0).get("expand").get(comments + "_via_post");
        assertThat(back.size()).isEqualTo(2);
        assertThat(back.findValuesAsString("message")).containsExactlyInAnyOrder("c1", "c2");
        assertThat(back.get(0).get("expand").get("author").get("name").asString()).isIn("Ann", "Bob");
    }

    @Test
    void eachExpandedRecordMustPassItsCollectionsViewRule() {
        Response r = patch("/api/collections/" + usersId, Map.of("viewRule", "name = 'Bob'"), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = view("expand=author,editors");
        assertThat(json.get("expand").has("author")).as("Ann is not viewable").isFalse();
        assertThat(json.get("expand").get("editors").size()).isEqualTo(1);
        Map<String, Object> superusersOnly = new java.util.HashMap<>();
        superusersOnly.put("viewRule", null);
        assertThat(patch("/api/collections/" + usersId, superusersOnly, superuser()).status()).isEqualTo(200);
        assertThat(view("expand=author").has("expand")).as("superusers-only collection").isFalse();
        Response asSuperuser = get("/api/collections/" + posts + "/records/" + post + "?expand=author", superuser());
        assertThat(asSuperuser.json().get("expand").get("author").get("name").asString()).isEqualTo("Ann");
    }

    @Test
    void fieldsSelectInsideExpandAndExcerptTheRest() {
        JsonNode r = view("expand=author,editors&fields=" + "id,body:excerpt(9,true),expand.author.name,expand.editors.id");
        assertThat(r.get("id").asString()).isEqualTo(post);
        assertThat(r.has("title")).isFalse();
        assertThat(r.get("body").asString()).isEqualTo("Hello big...");
        assertThat(r.get("expand").get("author").toString()).isEqualTo("{\"name\":\"Ann\"}");
        assertThat(r.get("expand").get("editors").get(0).toString()).isEqualTo("{\"id\":\"" + bob + "\"}");
    }
}
