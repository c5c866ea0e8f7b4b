package dev.basalt.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.realtime.SseStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Truncate, collection deletes and relation clean-up over HTTP, as PocketBase: what happens to the records that
 * refer to deleted ones, to stored files and which realtime events go out.
 */
class DeletionApiTest extends FileTestSupport {
    private static final byte[] TEXT = "deleted soon".getBytes(StandardCharsets.UTF_8);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private FileStorage storage;

    private Response upload(String collection, Multipart body) {
        Response r = multipart("POST", "/api/collections/" + collection + "/records", body, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private Response create(String collection, Map<String, Object> body) {
        Response r = post("/api/collections/" + collection + "/records", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static String key(String collectionId, Response record, String field) {
        return collectionId + "/" + record.json().get("id").asString() + "/" + names(record, field).getFirst();
    }

    private void subscribe(SseStream s, String... topics) {
        Response r = post("/api/realtime", Map.of("clientId", s.clientId, "subscriptions", List.of(topics)),
                superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    /** Every event until the stream is quiet, as {@code topic action id}. */
    private static List<String> events(SseStream s) throws InterruptedException {
        List<String> out = new ArrayList<>();
        SseStream.Event e = s.next(WAIT);
        while (e != null) {
            out.add(e.name() + " " + e.data().get("action").asString() + " " + e.data().at("/record/id").asString());
            e = s.quiet();
        }
        return out;
    }

    private Response record(String collection, Response of) {
        return get("/api/collections/" + collection + "/records/" + of.json().get("id").asString(), superuser());
    }

    @Test
    void truncateDeletesRecordByRecordWithCascadesCleanUpFilesAndEvents() throws Exception {
        String posts = unique("tr_posts");
        String postsId = createCollection(posts, Map.of(), field("title", "text"), field("doc", "file", "maxSelect", 1));
        String comments = unique("tr_comments");
        String commentsId = createCollection(comments, Map.of(),
                field("post", "relation", "collectionId", postsId, "maxSelect", 1, "cascadeDelete", true),
                field("scan", "file", "maxSelect", 1));
        String likes = unique("tr_likes");
        createCollection(likes, Map.of(), field("posts", "relation", "collectionId", postsId, "maxSelect", 5));
        Response p1 = upload(posts, new Multipart().text("title", "one").file("doc", "a.txt", "text/plain", TEXT));
        Response p2 = upload(posts, new Multipart().text("title", "two").file("doc", "b.txt", "text/plain", TEXT));
        String p1Id = p1.json().get("id").asString();
        String p2Id = p2.json().get("id").asString();
        Response comment = upload(comments, new Multipart().text("post", p1Id).file("scan", "c.txt", "text/plain", TEXT));
        Response like = create(likes, Map.of("posts", List.of(p1Id, p2Id)));
        String likeId = like.json().get("id").asString();
        List<String> keys = List.of(key(postsId, p1, "doc"), key(postsId, p2, "doc"), key(commentsId, comment, "scan"));
        keys.forEach(k -> assertThat(storage.exists(k)).as(k).isTrue());
        clock.advance(Duration.ofMillis(5)); // the clean-up's `updated` must differ from the create's (milliseconds)

        try (SseStream s = new SseStream(baseUrl())) {
            subscribe(s, posts + "/*", comments + "/*", likes + "/*");
            Response r = delete("/api/collections/" + posts + "/truncate", superuser());
            assertThat(r.status()).as(r.body()).isEqualTo(204);

            assertThat(get("/api/collections/" + posts + "/records", superuser()).json().get("totalItems").asInt())
                    .isZero();
            assertThat(record(comments, comment).status()).as("cascaded").isEqualTo(404);
            Response cleaned = record(likes, like);
            assertThat(cleaned.json().get("posts").size()).as("ids removed from the other collection").isZero();
            assertThat(cleaned.json().get("updated").asString()).isGreaterThan(like.json().get("updated").asString());
            keys.forEach(k -> assertThat(storage.exists(k)).as("removed after commit: " + k).isFalse());
            assertThat(events(s)).containsExactlyInAnyOrder(posts + "/* delete " + p1Id, posts + "/* delete " + p2Id,
                    comments + "/* delete " + comment.json().get("id").asString(),
                    likes + "/* update " + likeId); // one batch deleted both posts: saved once
        }
    }

    @Test
    void aRequiredReferenceRefusesTheWholeTruncate() {
        String posts = unique("tr_kept");
        String postsId = createCollection(posts, Map.of(), field("doc", "file", "maxSelect", 1));
        String holders = unique("tr_holders");
        createCollection(holders, Map.of(), field("post", "relation", "collectionId", postsId, "maxSelect", 1,
                "required", true));
        Response p1 = upload(posts, new Multipart().file("doc", "a.txt", "text/plain", TEXT));
        upload(posts, new Multipart().file("doc", "b.txt", "text/plain", TEXT));
        create(holders, Map.of("post", p1.json().get("id").asString()));

        Response r = delete("/api/collections/" + posts + "/truncate", superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).isEqualTo(
                "Failed to truncate collection (most likely due to required cascade delete record references).");
        assertThat(get("/api/collections/" + posts + "/records", superuser()).json().get("totalItems").asInt())
                .as("all or nothing").isEqualTo(2);
        assertThat(storage.exists(key(postsId, p1, "doc"))).isTrue();
    }

    @Test
    void deletingACollectionRemovesItsFilesButRemovingAFileFieldKeepsThem() {
        String docs = unique("tr_docs");
        String docsId = createCollection(docs, Map.of(), field("doc", "file", "maxSelect", 1));
        String doc = key(docsId, upload(docs, new Multipart().file("doc", "a.txt", "text/plain", TEXT)), "doc");
        assertThat(delete("/api/collections/" + docs, superuser()).status()).isEqualTo(204);
        assertThat(storage.exists(doc)).as("removed after the delete committed").isFalse();

        String other = unique("tr_fieldless");
        String otherId = createCollection(other, Map.of(), field("title", "text"), field("doc", "file", "maxSelect", 1));
        String kept = key(otherId, upload(other, new Multipart().file("doc", "b.txt", "text/plain", TEXT)), "doc");
        Response fields = get("/api/collections/" + other, superuser());
        List<Object> withoutFile = new ArrayList<>();
        fields.json().get("fields").forEach(f -> {
            if (!"doc".equals(f.get("name").asString())) {
                withoutFile.add(Map.of("id", f.get("id").asString(), "name", f.get("name").asString(),
                        "type", f.get("type").asString()));
            }
        });
        Response patched = patch("/api/collections/" + other, Map.of("fields", withoutFile), superuser());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(storage.exists(kept)).as("PocketBase leaves the files of a removed field").isTrue();
        assertThat(delete("/api/collections/" + other, superuser()).status()).isEqualTo(204);
        assertThat(storage.exists(kept)).as("PocketBase removes files only of collections with a file field")
                .isTrue();
    }

    @Test
    void relationCleanUpAndCascadesSaveTheReferringRecordsWithEvents() throws Exception {
        String posts = unique("cl_posts");
        String postsId = createCollection(posts, Map.of(), field("title", "text"));
        String tags = unique("cl_tags");
        createCollection(tags, Map.of(), field("post", "relation", "collectionId", postsId, "maxSelect", 1),
                field("many", "relation", "collectionId", postsId, "maxSelect", 5, "cascadeDelete", true));
        Response p1 = create(posts, Map.of("title", "one"));
        Response p2 = create(posts, Map.of("title", "two"));
        String p1Id = p1.json().get("id").asString();
        String p2Id = p2.json().get("id").asString();
        Response single = create(tags, Map.of("post", p1Id));
        Response shared = create(tags, Map.of("many", List.of(p1Id, p2Id)));
        Response only = create(tags, Map.of("many", List.of(p1Id)));
        clock.advance(Duration.ofMillis(5));

        try (SseStream s = new SseStream(baseUrl())) {
            subscribe(s, tags + "/*");
            assertThat(delete("/api/collections/" + posts + "/records/" + p1Id, superuser()).status()).isEqualTo(204);
            Response cleared = record(tags, single);
            assertThat(cleared.json().get("post").asString()).isEmpty();
            assertThat(cleared.json().get("updated").asString()).isGreaterThan(single.json().get("updated").asString());
            Response kept = record(tags, shared);
            assertThat(kept.json().get("many").get(0).asString()).isEqualTo(p2Id);
            assertThat(kept.json().get("updated").asString()).isGreaterThan(shared.json().get("updated").asString());
            assertThat(record(tags, only).status()).as("its last id went: cascaded").isEqualTo(404);
            assertThat(events(s)).containsExactlyInAnyOrder(
                    tags + "/* update " + single.json().get("id").asString(),
                    tags + "/* update " + shared.json().get("id").asString(),
                    tags + "/* delete " + only.json().get("id").asString());
        }
    }
}
