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

/** The relation field over HTTP: definitions, existence checks on write, modifiers and delete semantics. */
class RelationFieldApiTest extends ApiTest {
    private String users;
    private String usersId;
    private String posts;
    private String postsId;
    private String comments;
    private String replies;

    @BeforeEach
    void schema() {
        users = unique("users");
        usersId = createCollection(collection(users, text("name")));
        posts = unique("posts");
        postsId = createCollection(collection(posts, text("title"),
                relation("author", usersId, 1, false, false),
                relation("editors", usersId, 5, false, false)));
        comments = unique("comments");
        String commentsId = createCollection(collection(comments, text("message"),
                relation("post", postsId, 1, true, true),
                relation("author", usersId, 1, true, false)));
        replies = unique("replies");
        createCollection(collection(replies, text("message"), relation("comment", commentsId, 1, true, true)));
    }

    private String createCollection(Map<String, Object> definition) {
        Response r = post("/api/collections", definition, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    private String create(String collection, Map<String, Object> body) {
        Response r = post("/api/collections/" + collection + "/records", body, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    private Response view(String collection, String id) {
        return get("/api/collections/" + collection + "/records/" + id, superuser());
    }

    @Test
    void definitionIsPrintedWithItsOptionsAndNeedsAnExistingCollection() {
        Response r = get("/api/collections/" + posts, superuser());
        assertThat(r.json().get("fields").toString()).contains("\"type\":\"relation\"")
                .contains("\"collectionId\":\"" + usersId + "\"").contains("\"cascadeDelete\":false")
                .contains("\"maxSelect\":5").contains("\"minSelect\":0");

        Response missing = post("/api/collections",
                collection(unique("bad"), relation("x", "pbc_missing", 1, false, false)), superuser());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("data").get("fields.0.collectionId").get("code").asString())
                .isEqualTo("validation_field_relation_missing_collection");

        Response referenced = delete("/api/collections/" + users, superuser());
        assertThat(referenced.status()).as("a referenced collection cannot be deleted").isEqualTo(400);
    }

    @Test
    void singleAndMultipleValuesHaveThePocketBaseShape() {
        String ann = create(users, Map.of("name", "Ann"));
        String bob = create(users, Map.of("name", "Bob"));
        Response r = post("/api/collections/" + posts + "/records",
                Map.of("title", "t", "author", ann, "editors", List.of(ann, bob, ann)), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("author").asString()).isEqualTo(ann);
        assertThat(r.json().get("editors").toString()).isEqualTo("[\"" + ann + "\",\"" + bob + "\"]");

        Response empty = post("/api/collections/" + posts + "/records", Map.of("title", "e"), null);
        assertThat(empty.json().get("author").asString()).isEmpty();
        assertThat(empty.json().get("editors").toString()).isEqualTo("[]");
    }

    @Test
    void idsOfMissingRecordsAreRejectedWithNothingWritten() {
        String ann = create(users, Map.of("name", "Ann"));
        Response r = post("/api/collections/" + posts + "/records",
                Map.of("title", "bad", "author", "nope12345678901", "editors", List.of(ann, "missing")), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("data").get("author").get("code").asString())
                .isEqualTo("validation_missing_rel_records");
        assertThat(r.json().get("data").get("editors").get("code").asString())
                .isEqualTo("validation_missing_rel_records");
        Response list = get("/api/collections/" + posts + "/records", null);
        assertThat(list.json().get("totalItems").asInt()).isZero();

        Response required = post("/api/collections/" + comments + "/records", Map.of("message", "m"), null);
        assertThat(required.status()).isEqualTo(400);
        assertThat(required.json().get("data").get("post").get("code").asString()).isEqualTo("validation_required");
    }

    @Test
    void modifiersAppendAndRemoveIds() {
        String ann = create(users, Map.of("name", "Ann"));
        String bob = create(users, Map.of("name", "Bob"));
        String cid = create(users, Map.of("name", "Cid"));
        String post = create(posts, Map.of("title", "t", "editors", List.of(ann)));
        Response r = patch("/api/collections/" + posts + "/records/" + post, Map.of("editors+", List.of(bob, cid)), null);
        assertThat(r.json().get("editors").toString()).isEqualTo("[\"" + ann + "\",\"" + bob + "\",\"" + cid + "\"]");
        r = patch("/api/collections/" + posts + "/records/" + post, Map.of("editors-", bob), null);
        assertThat(r.json().get("editors").toString()).isEqualTo("[\"" + ann + "\",\"" + cid + "\"]");
        Response bad = patch("/api/collections/" + posts + "/records/" + post, Map.of("editors+", "ghost"), null);
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void deletingAReferencedRecordClearsOptionalReferences() {
        String ann = create(users, Map.of("name", "Ann"));
        String bob = create(users, Map.of("name", "Bob"));
        String post = create(posts, Map.of("title", "t", "author", ann, "editors", List.of(bob, ann)));
        assertThat(delete("/api/collections/" + users + "/records/" + ann, null).status()).isEqualTo(204);
        Response r = view(posts, post);
        assertThat(r.json().get("author").asString()).isEmpty();
        assertThat(r.json().get("editors").toString()).isEqualTo("[\"" + bob + "\"]");
    }

    @Test
    void deletingARecordCascadesRecursivelyThroughCascadeDeleteFields() {
        String ann = create(users, Map.of("name", "Ann"));
        String post = create(posts, Map.of("title", "t"));
        String other = create(posts, Map.of("title", "other"));
        String comment = create(comments, Map.of("message", "c", "post", post, "author", ann));
        String kept = create(comments, Map.of("message", "k", "post", other, "author", ann));
        String reply = create(replies, Map.of("message", "r", "comment", comment));

        assertThat(delete("/api/collections/" + posts + "/records/" + post, null).status()).isEqualTo(204);
        assertThat(view(comments, comment).status()).isEqualTo(404);
        assertThat(view(replies, reply).status()).as("the cascade is recursive").isEqualTo(404);
        assertThat(view(comments, kept).status()).isEqualTo(200);
    }

    @Test
    void deletingARecordARequiredReferenceNeedsIsRefusedAndNothingChanges() {
        String ann = create(users, Map.of("name", "Ann"));
        String post = create(posts, Map.of("title", "t", "author", ann));
        String comment = create(comments, Map.of("message", "c", "post", post, "author", ann));

        Response r = delete("/api/collections/" + users + "/records/" + ann, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).isEqualTo(RecordErrors.DELETE_REQUIRED_REFERENCE.message());
        assertThat(view(users, ann).status()).isEqualTo(200);
        assertThat(view(posts, post).json().get("author").asString()).as("rolled back").isEqualTo(ann);
        assertThat(view(comments, comment).status()).isEqualTo(200);
    }
}
