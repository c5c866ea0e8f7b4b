package dev.basalt.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The public directory on a real server with the index fallback on (PocketBase's default): index pages, caching
 * validators and 304s, precompressed brotli and gzip copies, the API winning over the directory, and no way out
 * of the directory through {@code ..}, its encodings or symbolic links.
 */
@Tag("db")
class PublicDirHttpTest {
    static final String SECRET = "secret-outside-the-public-dir";
    static final String INDEX = "<!doctype html><title>spa</title>";
    private static final String APP_JS = "console.log('app');".repeat(50);
    private static Path root;
    private static HostedApp app;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createTempDirectory("basalt-public-test");
        app = HostedApp.start("--basalt.public-dir=" + populate(root));
    }

    /** Writes the test site into {@code base/site} and a secret next to it; returns the site directory. */
    static Path populate(Path base) throws IOException {
        Path site = Files.createDirectories(base.resolve("site"));
        Files.writeString(base.resolve("secret.txt"), SECRET);
        Files.createDirectories(base.resolve("outside-dir"));
        Files.writeString(base.resolve("outside-dir/inner.txt"), SECRET);
        Files.writeString(site.resolve("index.html"), INDEX);
        Files.writeString(site.resolve("app.js"), APP_JS);
        Files.write(site.resolve("app.js.gz"), gzip(APP_JS));
        Files.write(site.resolve("app.js.br"), "pretend-brotli".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(site.resolve("docs"));
        Files.writeString(site.resolve("docs/index.html"), "docs index");
        Files.createSymbolicLink(site.resolve("link.txt"), base.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("linked-dir"), base.resolve("outside-dir"));
        return site;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void servesIndexPagesAndFilesWithTypesAndSecurityHeaders() {
        HttpResponse<String> index = app.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).isEqualTo(INDEX);
        assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(index.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(app.get("/docs/").body()).isEqualTo("docs index");
        HttpResponse<String> js = app.get("/app.js");
        assertThat(js.body()).isEqualTo(APP_JS);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(js.headers().firstValue("Cache-Control")).hasValue("no-cache");
        // the default --origins is "*", as in PocketBase
        assertThat(app.get("/app.js", "Origin", "https://anywhere.example").headers()
                .firstValue("Access-Control-Allow-Origin")).hasValue("https://anywhere.example");
    }

    @Test
    void redirectsADirectoryWithoutItsSlash() {
        HttpResponse<String> docs = app.get("/docs?x=1");
        assertThat(docs.statusCode()).isEqualTo(301);
        assertThat(docs.headers().firstValue("Location")).hasValue("/docs/?x=1");
        // a leading "//" must not become a redirect to another host
        assertThat(app.get("//docs").headers().firstValue("Location").orElse("")).doesNotStartWith("//");
        // no redirect for files, a directory without index.html, or the API
        assertThat(app.get("/app.js").statusCode()).isEqualTo(200);
        assertThat(app.get("/linked-dir").statusCode()).isNotEqualTo(301);
        assertThat(app.get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void answers304ToMatchingValidators() {
        HttpResponse<String> first = app.get("/app.js");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(app.get("/app.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(app.get("/app.js", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(app.get("/app.js", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void sendsPrecompressedCopiesTheClientAccepts() throws IOException {
        // browsers list gzip first; the smaller brotli copy still wins
        HttpResponse<byte[]> br = app.getBytes("/app.js", "Accept-Encoding", "gzip, deflate, br, zstd");
        assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(new String(br.body(), StandardCharsets.UTF_8)).isEqualTo("pretend-brotli");
        HttpResponse<byte[]> gz = app.getBytes("/app.js", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.body()).isEqualTo(gzip(APP_JS));
        assertThat(gz.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Encoding"));
        HttpResponse<byte[]> plain = app.getBytes("/app.js");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Encoding"));
        // each encoding has its own validator, so a cache never pairs one encoding's body with another's
        assertThat(gz.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"))
                .isNotEqualTo(br.headers().firstValue("ETag"));
    }

    @Test
    void unknownPathsFallBackToTheIndexButTheApiAndDashboardPathsDoNot() {
        HttpResponse<String> route = app.get("/some/client/route");
        assertThat(route.statusCode()).isEqualTo(200);
        assertThat(route.body()).isEqualTo(INDEX);
        assertThat(app.get("/_/").body()).as("the dashboard, not the public index").doesNotContain(INDEX)
                .contains("/_/lib/lit-html/");
        for (String path : new String[] {"/api/nonexistent", "/api", "/_/missing.js"}) {
            HttpResponse<String> r = app.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain(INDEX).contains("\"status\":404");
        }
        assertThat(app.get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void nothingOutsideTheDirectoryIsReachable() {
        for (String target : traversals()) {
            String answer = app.raw(target);
            assertThat(answer).as(target).doesNotContain(SECRET);
        }
    }

    /** Request targets that try to leave the directory, plain, encoded and through symbolic links. */
    static String[] traversals() {
        return new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/docs/../../secret.txt",
            "/docs/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/docs/..%5c..%5csecret.txt",
            "/%252e%252e/secret.txt", "/..;/secret.txt", "/link.txt", "/linked-dir/inner.txt", "//../secret.txt"};
    }

    static byte[] gzip(String text) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
