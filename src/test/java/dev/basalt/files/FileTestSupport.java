package dev.basalt.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared steps of the files tests: collections with file fields, multipart writes and raw downloads. */
abstract class FileTestSupport extends ApiTest {
    private static final HttpClient RAW = HttpClient.newHttpClient();

    static String unique(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime(), 36);
    }

    static Map<String, Object> field(String name, String type, Object... options) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("type", type);
        for (int i = 0; i < options.length; i += 2) {
            f.put((String) options[i], options[i + 1]);
        }
        return f;
    }

    /** Creates a collection open to everyone unless rules are given; returns its id. */
    @SafeVarargs
    final String createCollection(String name, Map<String, Object> rules, Map<String, Object>... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "base");
        body.put("fields", new ArrayList<>(List.of(fields)));
        for (String rule : List.of("listRule", "viewRule", "createRule", "updateRule", "deleteRule")) {
            body.put(rule, rules.containsKey(rule) ? rules.get(rule) : "");
        }
        Response r = post("/api/collections", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    Response multipart(String method, String path, Multipart body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body.publisher()).header("Content-Type", body.contentType());
        if (token != null) {
            b.header("Authorization", token);
        }
        return execute(b.build());
    }

    /** A download with its raw bytes. */
    HttpResponse<byte[]> fetch(String path) {
        try {
            return RAW.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> names(Response record, String field) {
        List<String> out = new ArrayList<>();
        var node = record.json().get(field);
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        } else if (!node.asString().isEmpty()) {
            out.add(node.asString());
        }
        return out;
    }
}
