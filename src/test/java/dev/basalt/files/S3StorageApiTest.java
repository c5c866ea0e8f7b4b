package dev.basalt.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.files.internal.S3FileStorage;
import dev.basalt.testing.S3Server;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * File fields stored in a real S3-compatible server (s3rver, started by {@link S3Server}): uploads through the
 * records API land in the bucket, {@code /api/files} serves them and their thumbnails from there, and objects are
 * removed only once the database change commits. The bucket is read back with a client of its own.
 */
@ExtendWith(S3Server.class)
class S3StorageApiTest extends FileTestSupport {
    private static final byte[] TEXT = "stored in a bucket".getBytes(StandardCharsets.UTF_8);
    private static S3Client bucket;

    @Autowired
    private FileStorage storage;

    private String docs;
    private String docsId;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("basalt.s3.endpoint", S3Server::endpoint);
        registry.add("basalt.s3.bucket", () -> S3Server.BUCKET);
        registry.add("basalt.s3.region", () -> "us-east-1");
        registry.add("basalt.s3.access-key", () -> S3Server.KEY);
        registry.add("basalt.s3.secret", () -> S3Server.KEY);
        registry.add("basalt.s3.force-path-style", () -> "true");
    }

    @BeforeAll
    static void bucketClient() {
        bucket = S3Client.builder().endpointOverride(URI.create(S3Server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.KEY, S3Server.KEY)))
                .forcePathStyle(true).build();
    }

    @AfterAll
    static void closeBucketClient() {
        bucket.close();
    }

    @BeforeEach
    void schema() {
        docs = unique("s3docs");
        docsId = createCollection(docs, Map.of(), field("title", "text"),
                field("photo", "file", "maxSelect", 1, "thumbs", List.of("20x10")),
                field("attachments", "file", "maxSelect", 5, "maxSize", 3 * 1024 * 1024));
        Response indexed = patch("/api/collections/" + docsId, Map.of("indexes",
                List.of("CREATE UNIQUE INDEX `idx_title_" + docs + "` ON `" + docs + "` (`title`)")), superuser());
        assertThat(indexed.status()).as(indexed.body()).isEqualTo(200);
    }

    /** The keys in the bucket under a record's folder, sorted. */
    private static List<String> objects(String collectionId, String recordId) {
        return bucket.listObjectsV2Paginator(l -> l.bucket(S3Server.BUCKET).prefix(collectionId + "/" + recordId + "/"))
                .contents().stream().map(S3Object::key).sorted().toList();
    }

    private static byte[] object(String key) {
        return bucket.getObjectAsBytes(g -> g.bucket(S3Server.BUCKET).key(key)).asByteArray();
    }

    private String key(String recordId, String name) {
        return docsId + "/" + recordId + "/" + name;
    }

    @Test
    void theBucketIsTheStorage() {
        assertThat(storage).isInstanceOf(S3FileStorage.class);
    }

    @Test
    void uploadsLandInTheBucketAndAreServedWithThumbnailsAndRanges() throws IOException, InterruptedException {
        byte[] png = Multipart.png(60, 40);
        byte[] large = new byte[1_500_000];
        new Random(7).nextBytes(large);
        Response r = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .text("title", "first")
                .file("photo", "Pic.png", "image/png", png)
                .file("attachments", "notes.txt", "text/plain", TEXT)
                .file("attachments", "big.bin", "application/octet-stream", large), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String id = r.json().get("id").asString();
        String photo = r.json().get("photo").asString();
        List<String> attachments = names(r, "attachments");
        assertThat(objects(docsId, id)).containsExactlyInAnyOrder(key(id, photo), key(id, attachments.get(0)),
                key(id, attachments.get(1)));
        assertThat(object(key(id, photo))).isEqualTo(png);
        assertThat(object(key(id, attachments.get(1)))).as("spooled upload over 1 MiB").isEqualTo(large);

        HttpResponse<byte[]> served = fetch("/api/files/" + docs + "/" + id + "/" + photo);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("Content-Length")).hasValue(Integer.toString(png.length));
        assertThat(served.body()).isEqualTo(png);
        assertThat(fetch("/api/files/" + docs + "/" + id + "/" + attachments.get(1)).body()).isEqualTo(large);
        assertThat(new String(fetch("/api/files/" + docs + "/" + id + "/" + attachments.get(0)).body(),
                StandardCharsets.UTF_8)).isEqualTo("stored in a bucket");

        HttpResponse<byte[]> thumb = fetch("/api/files/" + docs + "/" + id + "/" + photo + "?thumb=20x10");
        var image = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(10);
        String thumbKey = key(id, "thumbs_" + photo + "/20x10_" + photo);
        assertThat(objects(docsId, id)).contains(thumbKey);
        assertThat(object(thumbKey)).isEqualTo(thumb.body());

        HttpResponse<byte[]> range = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/api/files/" + docs + "/" + id + "/" + attachments.get(1)))
                .header("Range", "bytes=1000-1009").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(large, 1000, 1010));
    }

    @Test
    void replacedRemovedAndDeletedFilesLeaveTheBucketAfterTheCommit() {
        Response created = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .text("title", "kept")
                .file("photo", "a.png", "image/png", Multipart.png(30, 30))
                .file("attachments", "one.txt", "text/plain", TEXT)
                .file("attachments", "two.txt", "text/plain", TEXT), null);
        String id = created.json().get("id").asString();
        String photo = created.json().get("photo").asString();
        List<String> attachments = names(created, "attachments");
        String path = "/api/collections/" + docs + "/records/" + id;
        assertThat(fetch("/api/files/" + docs + "/" + id + "/" + photo + "?thumb=20x10").statusCode()).isEqualTo(200);
        String thumbKey = key(id, "thumbs_" + photo + "/20x10_" + photo);
        assertThat(objects(docsId, id)).hasSize(4).contains(thumbKey);

        multipart("POST", "/api/collections/" + docs + "/records", new Multipart().text("title", "taken"), null);
        Response refused = multipart("PATCH", path, new Multipart()
                .text("title", "taken").file("photo", "b.png", "image/png", Multipart.png(30, 30))
                .text("attachments-", attachments.get(0)), null);
        assertThat(refused.status()).as("the unique title fails the row write: " + refused.body()).isEqualTo(400);
        assertThat(objects(docsId, id)).as("a rolled-back change removes nothing and leaves no new object")
                .containsExactlyInAnyOrder(key(id, photo), thumbKey, key(id, attachments.get(0)),
                        key(id, attachments.get(1)));

        Response replaced = multipart("PATCH", path, new Multipart()
                .file("photo", "c.png", "image/png", Multipart.png(30, 30))
                .text("attachments-", attachments.get(0)), null);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        String newPhoto = replaced.json().get("photo").asString();
        assertThat(objects(docsId, id)).as("the old photo goes with its thumbnails")
                .containsExactlyInAnyOrder(key(id, newPhoto), key(id, attachments.get(1)));

        assertThat(delete(path, null).status()).isEqualTo(204);
        assertThat(objects(docsId, id)).isEmpty();
        assertThat(fetch("/api/files/" + docs + "/" + id + "/" + newPhoto).statusCode()).isEqualTo(404);
    }

    @Test
    void cascadesEmptyTheBucketAndARefusedDeleteKeepsEveryObject() {
        String childrenId = createCollection(unique("s3children"), Map.of(),
                field("parent", "relation", "collectionId", docsId, "maxSelect", 1, "cascadeDelete", true),
                field("scan", "file", "maxSelect", 1));
        String pinsId = createCollection(unique("s3pins"), Map.of(),
                field("doc", "relation", "collectionId", docsId, "maxSelect", 1, "required", true));
        Response parent = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .text("title", unique("p")).file("attachments", "p.txt", "text/plain", TEXT), null);
        String parentId = parent.json().get("id").asString();
        Response child = multipart("POST", "/api/collections/" + childrenId + "/records", new Multipart()
                .text("parent", parentId).file("scan", "c.txt", "text/plain", TEXT), null);
        assertThat(child.status()).as(child.body()).isEqualTo(200);
        String childId = child.json().get("id").asString();
        Response pin = post("/api/collections/" + pinsId + "/records", Map.of("doc", parentId), null);
        assertThat(pin.status()).as(pin.body()).isEqualTo(200);

        String path = "/api/collections/" + docs + "/records/" + parentId;
        assertThat(delete(path, null).status()).as("a required relation refuses the delete").isEqualTo(400);
        assertThat(objects(docsId, parentId)).hasSize(1);
        assertThat(objects(childrenId, childId)).hasSize(1);

        assertThat(delete("/api/collections/" + pinsId + "/records/" + pin.json().get("id").asString(), null)
                .status()).isEqualTo(204);
        assertThat(delete(path, null).status()).isEqualTo(204);
        assertThat(objects(docsId, parentId)).isEmpty();
        assertThat(objects(childrenId, childId)).as("the cascaded record's file").isEmpty();
    }

    @Test
    void aRolledBackCreateLeavesNoObject() {
        Response created = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .text("id", "s3fixedid000001").text("title", unique("t"))
                .file("attachments", "kept.txt", "text/plain", TEXT), null);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String kept = names(created, "attachments").getFirst();

        Response duplicate = multipart("POST", "/api/collections/" + docs + "/records", new Multipart()
                .text("id", "s3fixedid000001").text("title", unique("t"))
                .file("attachments", "lost.txt", "text/plain", TEXT)
                .file("photo", "lost.png", "image/png", Multipart.png(8, 8)), null);
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(400);
        assertThat(objects(docsId, "s3fixedid000001")).containsExactly(key("s3fixedid000001", kept));
    }

    @Test
    void aFailedBatchLeavesNoObjectAndASuccessfulOneStoresItsFiles() {
        String records = "/api/collections/" + docs + "/records";
        String failing = "{\"requests\":["
                + "{\"method\":\"POST\",\"url\":\"" + records + "\",\"body\":{\"id\":\"s3batch00000001\",\"title\":\"same\"}},"
                + "{\"method\":\"POST\",\"url\":\"" + records + "\",\"body\":{\"id\":\"s3batch00000002\",\"title\":\"same\"}}]}";
        Response failed = multipart("POST", "/api/batch", new Multipart().text("@jsonPayload", failing)
                .file("requests.0.attachments", "first.txt", "text/plain", TEXT)
                .file("requests.1.attachments", "second.txt", "text/plain", TEXT), superuser());
        assertThat(failed.status()).as(failed.body()).isEqualTo(400);
        assertThat(objects(docsId, "s3batch00000001")).isEmpty();
        assertThat(objects(docsId, "s3batch00000002")).isEmpty();

        String succeeding = failing.replace("\"title\":\"same\"}}]", "\"title\":\"other\"}}]");
        Response stored = multipart("POST", "/api/batch", new Multipart().text("@jsonPayload", succeeding)
                .file("requests.0.attachments", "first.txt", "text/plain", TEXT)
                .file("requests.1.attachments", "second.txt", "text/plain", TEXT), superuser());
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(objects(docsId, "s3batch00000001")).singleElement().asString().contains("/first_");
        assertThat(objects(docsId, "s3batch00000002")).singleElement().asString().contains("/second_");
    }

    @Test
    void protectedFilesInTheBucketNeedAFileToken() {
        Map<String, Object> superusersOnly = new HashMap<>();
        superusersOnly.put("viewRule", null);
        superusersOnly.put("listRule", null);
        String vaultId = createCollection(unique("s3vault"), superusersOnly,
                field("doc", "file", "maxSelect", 1, "protected", true));
        Response r = multipart("POST", "/api/collections/" + vaultId + "/records", new Multipart()
                .file("doc", "doc.txt", "text/plain", TEXT), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String id = r.json().get("id").asString();
        String doc = r.json().get("doc").asString();
        assertThat(objects(vaultId, id)).containsExactly(vaultId + "/" + id + "/" + doc);
        String url = "/api/files/" + vaultId + "/" + id + "/" + doc;

        assertThat(fetch(url).statusCode()).isEqualTo(404);
        assertThat(fetch(url + "?token=" + superuser()).statusCode()).as("an auth token is not a file token").isEqualTo(404);
        String fileToken = post("/api/files/token", null, superuser()).json().get("token").asString();
        HttpResponse<byte[]> allowed = fetch(url + "?token=" + fileToken);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo(TEXT);
        assertThat(allowed.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
    }
}
