package dev.basalt.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /api/files/...}: content, headers, thumbnails, and protected files with file tokens. */
class FileServingApiTest extends FileTestSupport {
    private static final byte[] TEXT = "secret notes".getBytes(StandardCharsets.UTF_8);
    /** A 60x40 lossless WebP made with {@code cwebp -lossless}: red rows 0-19, blue rows 20-39. */
    private static final byte[] WEBP = java.util.Base64.getDecoder().decode(
            "UklGRi4AAABXRUJQVlA4TCIAAAAvO8AJAA8Q87//8x8O1LRtBJVB+aP97ubOEf2fAP3cBfMC");

    @Autowired
    private FileStorage storage;

    private String photosId;
    private String recordId;
    private String image;
    private String notes;

    @BeforeEach
    void record() {
        photosId = createCollection(unique("photos"), Map.of(),
                field("image", "file", "maxSelect", 1,
                        "thumbs", List.of("20x10", "20x10t", "20x10b", "20x10f", "0x30", "40x0")),
                field("notes", "file", "maxSelect", 1));
        Response r = multipart("POST", "/api/collections/" + photosId + "/records", new Multipart()
                .file("image", "pic.png", "image/png", Multipart.png(60, 40))
                .file("notes", "notes.txt", "text/plain", TEXT), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        recordId = r.json().get("id").asString();
        image = r.json().get("image").asString();
        notes = r.json().get("notes").asString();
    }

    private String url(String collection, String name) {
        return "/api/files/" + collection + "/" + recordId + "/" + name;
    }

    private static BufferedImage decode(HttpResponse<byte[]> r) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    @Test
    void uploadedHtmlAndSvgCannotRunScriptInTheApiOrigin() {
        String pages = createCollection(unique("pages"), Map.of(), field("doc", "file", "maxSelect", 2));
        byte[] html = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        Response r = multipart("POST", "/api/collections/" + pages + "/records", new Multipart()
                .file("doc", "page.html", "text/html", html).file("doc", "pic.svg", "image/svg+xml", svg), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String id = r.json().get("id").asString();
        for (var name : r.json().get("doc")) {
            HttpResponse<byte[]> served = fetch("/api/files/" + pages + "/" + id + "/" + name.asString());
            assertThat(served.statusCode()).isEqualTo(200);
            // a browser saves these instead of rendering them, and a sandboxed document with no script sources
            // could not run the script even when opened
            assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
            assertThat(served.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .startsWith("default-src 'none'").endsWith("sandbox");
            assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(served.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void servesTheOriginalWithItsTypeAndDisposition() throws IOException {
        HttpResponse<byte[]> r = fetch(url(photosId, image));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        assertThat(decode(r).getWidth()).isEqualTo(60);

        HttpResponse<byte[]> download = fetch(url(photosId, image) + "?download=1");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains(image);

        HttpResponse<byte[]> text = fetch(url(photosId, notes));
        assertThat(new String(text.body(), StandardCharsets.UTF_8)).isEqualTo("secret notes");
        assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(text.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

        assertThat(fetch(url(photosId, "missing_abcdefghij.png")).statusCode()).isEqualTo(404);
        assertThat(fetch("/api/files/" + photosId + "/nosuchrecord000/" + image).statusCode()).isEqualTo(404);
        assertThat(fetch("/api/files/nosuchcollection/" + recordId + "/" + image).statusCode()).isEqualTo(404);
    }

    @Test
    void thumbnailsHaveTheRequestedShapeAndAreCached() throws IOException {
        BufferedImage center = decode(fetch(url(photosId, image) + "?thumb=20x10"));
        assertThat(center.getWidth()).isEqualTo(20);
        assertThat(center.getHeight()).isEqualTo(10);
        // 60x40 (red rows 0-19, blue 20-39) cropped to 60x30: row 5 of the top crop is source row 15 (red), of the
        // bottom crop source row 25 (blue).
        BufferedImage top = decode(fetch(url(photosId, image) + "?thumb=20x10t"));
        assertThat(top.getRGB(10, 5) & 0xffffff).isEqualTo(0xff0000);
        BufferedImage bottom = decode(fetch(url(photosId, image) + "?thumb=20x10b"));
        assertThat(bottom.getRGB(10, 5) & 0xffffff).isEqualTo(0x0000ff);
        BufferedImage fit = decode(fetch(url(photosId, image) + "?thumb=20x10f"));
        assertThat(List.of(fit.getWidth(), fit.getHeight())).containsExactly(15, 10);
        BufferedImage byHeight = decode(fetch(url(photosId, image) + "?thumb=0x30"));
        assertThat(List.of(byHeight.getWidth(), byHeight.getHeight())).containsExactly(45, 30);
        BufferedImage byWidth = decode(fetch(url(photosId, image) + "?thumb=40x0"));
        assertThat(List.of(byWidth.getWidth(), byWidth.getHeight())).containsExactly(40, 27);
        BufferedImage preview = decode(fetch(url(photosId, image) + "?thumb=100x100"));
        assertThat(preview.getWidth()).as("PocketBase's default thumb size").isEqualTo(100);

        String thumbKey = photosId + "/" + recordId + "/thumbs_" + image + "/20x10_" + image;
        assertThat(storage.exists(thumbKey)).isTrue();

        BufferedImage unlisted = decode(fetch(url(photosId, image) + "?thumb=30x30"));
        assertThat(unlisted.getWidth()).as("sizes not in thumbs serve the original").isEqualTo(60);
        assertThat(fetch(url(photosId, notes) + "?thumb=20x10").body()).isEqualTo(TEXT);

        assertThat(patch("/api/collections/" + photosId + "/records/" + recordId, Map.of("image", ""), null).status())
                .isEqualTo(200);
        assertThat(storage.exists(thumbKey)).as("thumbnails go with their file").isFalse();
    }

    /** As PocketBase: a WebP is decoded and its thumbnails are PNGs; the original stays a WebP. */
    @Test
    void webpThumbnailsArePngs() throws IOException {
        Response r = multipart("PATCH", "/api/collections/" + photosId + "/records/" + recordId, new Multipart()
                .file("image", "pic.webp", "image/webp", WEBP), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String webp = r.json().get("image").asString();
        HttpResponse<byte[]> original = fetch(url(photosId, webp));
        assertThat(original.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(original.body()).isEqualTo(WEBP);

        HttpResponse<byte[]> thumb = fetch(url(photosId, webp) + "?thumb=20x10b");
        assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage bottom = decode(thumb);
        assertThat(List.of(bottom.getWidth(), bottom.getHeight())).containsExactly(20, 10);
        assertThat(bottom.getRGB(10, 5) & 0xffffff).isEqualTo(0x0000ff);
        assertThat(decode(fetch(url(photosId, webp) + "?thumb=20x10t")).getRGB(10, 5) & 0xffffff).isEqualTo(0xff0000);
        assertThat(storage.exists(photosId + "/" + recordId + "/thumbs_" + webp + "/20x10b_" + webp)).isTrue();
        assertThat(fetch(url(photosId, webp) + "?thumb=20x10b").headers().firstValue("Content-Type"))
                .as("served again from the stored thumb").hasValue("image/png");
    }

    @Test
    void protectedFilesNeedAFileTokenOfSomeoneWhoMayViewTheRecord() {
        String vaultId = createCollection(unique("vault"), new java.util.HashMap<>(Map.of("viewRule", "id != ''")),
                field("doc", "file", "maxSelect", 1, "protected", true));
        Response r = multipart("POST", "/api/collections/" + vaultId + "/records", new Multipart()
                .file("doc", "doc.txt", "text/plain", TEXT), null);
        recordId = r.json().get("id").asString();
        String doc = r.json().get("doc").asString();
        assertThat(fetch(url(vaultId, doc)).statusCode()).as("the viewRule holds for anonymous callers").isEqualTo(200);

        Map<String, Object> superusersOnly = new java.util.HashMap<>();
        superusersOnly.put("viewRule", null);
        superusersOnly.put("listRule", null);
        assertThat(patch("/api/collections/" + vaultId, superusersOnly, superuser()).status()).isEqualTo(200);
        assertThat(fetch(url(vaultId, doc)).statusCode()).isEqualTo(404);
        assertThat(fetch(url(vaultId, doc) + "?token=not.a.token").statusCode()).isEqualTo(404);

        Response token = post("/api/files/token", null, superuser());
        assertThat(token.status()).isEqualTo(200);
        String fileToken = token.json().get("token").asString();
        HttpResponse<byte[]> allowed = fetch(url(vaultId, doc) + "?token=" + fileToken);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo(TEXT);
        assertThat(allowed.headers().firstValue("Cache-Control").orElseThrow()).contains("private");

        assertThat(get("/api/collections/" + vaultId + "/records", fileToken).status())
                .as("a file token is not an auth token").isEqualTo(403);
        assertThat(fetch(url(vaultId, doc) + "?token=" + superuser()).statusCode())
                .as("an auth token is not a file token").isEqualTo(404);
        assertThat(post("/api/files/token", null, null).status()).isEqualTo(401);
    }
}
