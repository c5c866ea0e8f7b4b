package dev.basalt.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Files of view records ({@code GET /api/files/<view>/<id>/<name>}): the view's file field is followed back to the
 * source collection and field (aliases, multiple files, views of views), and the file of the source record holding
 * the name is served; thumbnails are made next to the source file.
 */
class ViewFilesApiTest extends FileTestSupport {
    private static final byte[] NOTES = "view notes".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private FileStorage storage;

    private String docs;
    private String docsId;
    private String recordId;
    private String image;
    private List<String> gallery;
    private String notes;

    @BeforeEach
    void record() {
        docs = unique("vfdocs");
        docsId = createCollection(docs, Map.of(),
                field("title", "text"),
                field("image", "file", "maxSelect", 1, "thumbs", List.of("20x10")),
                field("gallery", "file", "maxSelect", 5),
                field("notes", "file", "maxSelect", 1));
        Response r = multipart("POST", "/api/collections/" + docsId + "/records", new Multipart()
                .text("title", "first")
                .file("image", "pic.png", "image/png", Multipart.png(60, 40))
                .file("gallery", "a.png", "image/png", Multipart.png(8, 8))
                .file("gallery", "b.png", "image/png", Multipart.png(9, 9))
                .file("notes", "notes.txt", "text/plain", NOTES), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        recordId = r.json().get("id").asString();
        image = r.json().get("image").asString();
        gallery = names(r, "gallery");
        notes = r.json().get("notes").asString();
        // a second record, so that the owner is found by the name and not by being the only row
        Response other = multipart("POST", "/api/collections/" + docsId + "/records", new Multipart()
                .text("title", "second").file("notes", "other.txt", "text/plain", "other".getBytes()), null);
        assertThat(other.status()).as(other.body()).isEqualTo(200);
    }

    private String view(String name, String query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "view");
        body.put("viewQuery", query);
        body.put("listRule", "");
        body.put("viewRule", "");
        Response r = post("/api/collections", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return name;
    }

    private HttpResponse<byte[]> file(String collection, String id, String name) {
        return fetch("/api/files/" + collection + "/" + id + "/" + name);
    }

    @Test
    void aViewRecordsFileIsServedFromItsSourceRecord() throws IOException {
        String v = view(unique("vfview"), "SELECT id, title, image, gallery, notes AS attachment FROM " + docs);
        Response record = get("/api/collections/" + v + "/records/" + recordId, null);
        assertThat(record.status()).as(record.body()).isEqualTo(200);
        assertThat(record.json().get("attachment").asString()).isEqualTo(notes);

        HttpResponse<byte[]> text = file(v, recordId, notes);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).isEqualTo(NOTES);
        assertThat(text.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(ImageIO.read(new ByteArrayInputStream(file(v, recordId, image).body())).getWidth()).isEqualTo(60);
        for (String name : gallery) {
            assertThat(file(v, recordId, name).statusCode()).as("multiple file field").isEqualTo(200);
        }

        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(
                fetch("/api/files/" + v + "/" + recordId + "/" + image + "?thumb=20x10").body()));
        assertThat(thumb.getWidth()).isEqualTo(20);
        assertThat(storage.exists(docsId + "/" + recordId + "/thumbs_" + image + "/20x10_" + image))
                .as("thumbnails live with the source file").isTrue();
    }

    @Test
    void viewsOfViewsAndMissingFilesAnswerLikeTheirSource() {
        String inner = view(unique("vfinner"), "SELECT id, notes AS n1, gallery AS g1 FROM " + docs);
        String outer = view(unique("vfouter"), "SELECT id, n1 AS n2, g1 FROM " + inner);
        assertThat(file(outer, recordId, notes).body()).isEqualTo(NOTES);
        assertThat(file(outer, recordId, gallery.get(1)).statusCode()).isEqualTo(200);

        assertThat(file(outer, recordId, "missing_abcdefghij.txt").statusCode()).isEqualTo(404);
        assertThat(file(outer, "nosuchrecord000", notes).statusCode()).isEqualTo(404);
        // a name the view record does not hold (only the source's image field has it)
        assertThat(file(outer, recordId, image).statusCode()).isEqualTo(404);
        // a computed column is no file field, so the view holds no files
        String computed = view(unique("vfcomputed"), "SELECT id, coalesce(notes, '') AS n FROM " + docs);
        assertThat(file(computed, recordId, notes).statusCode()).isEqualTo(404);
    }

    @Test
    void aFileDeletedFromTheSourceIsGoneFromTheView() {
        String v = view(unique("vfgone"), "SELECT id, notes FROM " + docs);
        assertThat(file(v, recordId, notes).statusCode()).isEqualTo(200);
        Response cleared = patch("/api/collections/" + docsId + "/records/" + recordId, Map.of("notes", ""), null);
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(file(v, recordId, notes).statusCode()).isEqualTo(404);
    }
}
