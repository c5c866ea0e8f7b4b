package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code $apis.bodyLimit} and {@code $apis.gzip} against a running server: on a custom route (declared and streamed
 * bodies), through {@code routerUse} on the built-in records API, and a compressed answer only for clients that
 * accept it.
 */
class MiddlewareHooksApiTest extends GapHooksTest {
    @Test
    void bodyLimitAnswers413() throws Exception {
        Response small = post("/gap/limited", Map.of("a", 1), null);
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        assertThat(small.get("keys").asInt()).isEqualTo(1);
        Response large = post("/gap/limited", Map.of("a", "x".repeat(200)), null);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.get("message").asString()).isEqualTo("Request entity too large");
        assertThat(large.get("data").isEmpty()).isTrue();

        byte[] streamed = ("{\"a\":\"" + "y".repeat(300) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/gap/limited")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(streamed))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);

        docs();
        Response builtIn = post("/api/collections/gapdocs/records", Map.of("title", "z".repeat(70_000)), null);
        assertThat(builtIn.status()).isEqualTo(413);
        assertThat(builtIn.get("message").asString()).isEqualTo("Request entity too large");
    }

    @Test
    void gzipCompressesForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> zipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/gap/big")).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        assertThat(zipped.body().length).isLessThan(1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            in.transferTo(out);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("basalt ".repeat(1000));

        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/gap/big")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo("basalt ".repeat(1000));
    }
}
