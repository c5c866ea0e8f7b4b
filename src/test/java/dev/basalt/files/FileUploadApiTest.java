package dev.basalt.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.shared.BasaltProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** File fields over HTTP: uploads on create and update, names, limits, modifiers and clean-up in storage. */
class FileUploadApiTest extends FileTestSupport {
    private static final byte[] TEXT = "hello files".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private FileStorage storage;
    @Autowired
    private BasaltProperties properties;

    private String docs;
    private String docsId;

    @BeforeEach
    void schema() {
        docs = unique("docs");
        docsId = createCollection(docs, Map.of(), field("title", "text"),
                field("avatar", "file", "maxSelect", 1, "maxSize", 2000, "mimeTypes", List.of("image/png", "image/jpeg")),
                field("attachments", "file", "maxSelect", 3));
    }

    private String key(String recordId, String name) {
        return docsId + "/" + recordId + "/" + name;
    }

    @Test
    void fieldDefinitionHasPocketBaseOptionsAndChecksThem() {
        Response r = get("/api/collections/" + docs, superuser());
        String avatar = r.json().get("fields").get(2).toString();
        assertThat(avatar).contains("\"type\":\"file\"").contains("\"maxSize\":2000").contains("\"maxSelect\":1")
                .contains("\"mimeTypes\":[\"image/png\",\"image/jpeg\"]").contains("\"thumbs\":[]")
                .contains("\"protected\":false").doesNotContain("sizeLimit").doesNotContain("protectedFiles");

        Response bad = post("/api/collections", Map.of("name", unique("bad"), "fields", List.of(
                field("f", "file", "thumbs", List.of("100x100", "0x0", "big", "5000x10"), "maxSize", -1))), superuser());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("data").propertyNames()).contains("fields.0.thumbs.1", "fields.0.thumbs.2",
                "fields.0.thumbs.3", "fields.0.maxSize").doesNotContain("fields.0.thumbs.0");
    }

    @Test
    void createStoresUploadsUnderGeneratedNames() {
        Response r = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .text("title", "first")
                .file("avatar", "My Photo.PNG", "image/png", Multipart.png(8, 8))
                .file("attachments", "notes.txt", "text/plain", TEXT)
                .file("attachments", "report final.txt", "text/plain", TEXT), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String id = r.json().get("id").asString();
        String avatar = r.json().get("avatar").asString();
        assertThat(avatar).matches("my_photo_[a-z0-9]{10}\\.png");
        List<String> attachments = names(r, "attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0)).matches("notes_[a-z0-9]{10}\\.txt");
        assertThat(attachments.get(1)).matches("report_final_[a-z0-9]{10}\\.txt");
        assertThat(storage.exists(key(id, avatar))).isTrue();
        attachments.forEach(n -> assertThat(storage.exists(key(id, n))).isTrue());

        Response viewed = get("/api/collections/" + docs + "/records/" + id, null);
        assertThat(names(viewed, "attachments")).isEqualTo(attachments);
    }

    @Test
    void refusedUploadsAreNamedAndNothingIsStored() {
        Response tooBig = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .file("avatar", "big.png", "image/png", new byte[2001]), null);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("data").get("avatar").get("code").asString())
                .isEqualTo("validation_file_size_limit");

        Response wrongType = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .file("avatar", "fake.png", "image/png", TEXT), null);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("data").get("avatar").get("code").asString())
                .isEqualTo("validation_invalid_mime_type");

        Response tooMany = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .file("attachments", "a.txt", "text/plain", TEXT).file("attachments", "b.txt", "text/plain", TEXT)
                .file("attachments", "c.txt", "text/plain", TEXT).file("attachments", "d.txt", "text/plain", TEXT),
                null);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("data").get("attachments").get("code").asString())
                .isEqualTo("validation_too_many_values");

        Response invented = post("/api/collections/" + docs + "/records",
                Map.of("attachments", List.of("someone_elses_abcdefghij.txt")), null);
        assertThat(invented.status()).isEqualTo(400);
        assertThat(invented.json().get("data").get("attachments").get("code").asString())
                .isEqualTo("validation_invalid_file");
        assertThat(storage.exists(docsId)).isFalse();
        assertThat(get("/api/collections/" + docs + "/records", null).json().get("totalItems").asInt()).isZero();
    }

    @Test
    void updateAppendsRemovesKeepsAndReplacesAndCleansUpAfterCommit() {
        Response created = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .file("avatar", "a.png", "image/png", Multipart.png(4, 4))
                .file("attachments", "one.txt", "text/plain", TEXT), null);
        String id = created.json().get("id").asString();
        String avatar = created.json().get("avatar").asString();
        String one = names(created, "attachments").getFirst();
        String path = "/api/collections/" + docs + "/records/" + id;

        Response appended = multipart("PATCH", path, new Multipart()
                .file("attachments+", "two.txt", "text/plain", TEXT)
                .file("attachments+", "three.txt", "text/plain", TEXT), null);
        assertThat(appended.status()).as(appended.body()).isEqualTo(200);
        List<String> three = names(appended, "attachments");
        assertThat(three).hasSize(3).startsWith(one);
        assertThat(three.get(1)).startsWith("two_");

        Response removed = patch(path, Map.of("attachments-", List.of(three.get(1))), null);
        assertThat(names(removed, "attachments")).containsExactly(one, three.get(2));
        assertThat(storage.exists(key(id, three.get(1)))).isFalse();
        assertThat(storage.exists(key(id, one))).isTrue();

        Response kept = patch(path, Map.of("attachments", List.of(three.get(2))), null);
        assertThat(names(kept, "attachments")).containsExactly(three.get(2));
        assertThat(storage.exists(key(id, one))).isFalse();

        Response keptPlusNew = multipart("PATCH", path, new Multipart()
                .text("attachments", three.get(2)).file("attachments", "four.txt", "text/plain", TEXT), null);
        assertThat(names(keptPlusNew, "attachments")).hasSize(2).startsWith(three.get(2));

        Response replaced = multipart("PATCH", path, new Multipart()
                .file("avatar", "bee.png", "image/png", Multipart.png(4, 4)), null);
        String newAvatar = replaced.json().get("avatar").asString();
        assertThat(newAvatar).startsWith("bee_").isNotEqualTo(avatar);
        assertThat(storage.exists(key(id, avatar))).isFalse();
        assertThat(storage.exists(key(id, newAvatar))).isTrue();

        Response cleared = patch(path, Map.of("avatar", ""), null);
        assertThat(cleared.json().get("avatar").asString()).isEmpty();
        assertThat(storage.exists(key(id, newAvatar))).isFalse();
    }

    @Test
    void aFailedWriteRemovesItsNewFilesAndKeepsTheOldOnes() {
        Response created = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .text("id", "fixedid12345678")
                .file("attachments", "kept.txt", "text/plain", TEXT), null);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String kept = names(created, "attachments").getFirst();

        Response duplicate = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .text("id", "fixedid12345678")
                .file("attachments", "lost.txt", "text/plain", TEXT), null);
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(400);
        assertThat(storage.exists(key("fixedid12345678", kept))).isTrue();
        assertThat(properties.dir().resolve("storage")
                .resolve(docsId).resolve("fixedid12345678").toFile().list()).containsExactly(kept);
    }

    @Test
    void deletingRecordsRemovesTheirFilesIncludingCascades() {
        String childrenId = createCollection(unique("children"), Map.of(),
                field("parent", "relation", "collectionId", docsId, "maxSelect", 1, "cascadeDelete", true),
                field("scan", "file", "maxSelect", 1));
        Response parent = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .file("attachments", "p.txt", "text/plain", TEXT), null);
        String parentId = parent.json().get("id").asString();
        Response child = multipart("POST", "/api/collections/" + childrenId + "/records", new Multipart()
                .text("parent", parentId).file("scan", "c.txt", "text/plain", TEXT), null);
        assertThat(child.status()).as(child.body()).isEqualTo(200);
        String childKey = childrenId + "/" + child.json().get("id").asString() + "/" + child.json().get("scan").asString();
        assertThat(storage.exists(childKey)).isTrue();

        assertThat(delete("/api/collections/" + docs + "/records/" + parentId, null).status()).isEqualTo(204);
        assertThat(storage.exists(key(parentId, names(parent, "attachments").getFirst()))).isFalse();
        assertThat(storage.exists(childKey)).as("cascaded record's file").isFalse();
    }
}
