package dev.basalt.hooks.js;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code $http.send({url, method, body, headers, timeout})}: an HTTP request from hook code, answered as
 * {@code {statusCode, headers, raw}} (the prelude adds {@code json}); and the downloads of
 * {@code $filesystem.fileFromURL}.
 */
final class JsHttp {
    /** PocketBase's default timeout of {@code $http.send}, in seconds. */
    static final int DEFAULT_TIMEOUT_SECONDS = 120;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    /**
     * The body of {@code GET url} ({@code $filesystem.fileFromURL}), at most {@code maxBytes}; fails on a status
     * outside 200-399, as PocketBase.
     */
    byte[] download(String url, int timeoutSeconds, long maxBytes) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(
                timeoutSeconds > 0 ? timeoutSeconds : DEFAULT_TIMEOUT_SECONDS)).GET().build();
        try {
            HttpResponse<java.io.InputStream> response = client.send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                if (response.statusCode() < 200 || response.statusCode() > 399) {
                    throw new IllegalStateException("failed to download url " + url + " ("
                            + response.statusCode() + ")");
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IllegalStateException("failed to download url " + url + ": larger than " + maxBytes
                            + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new IllegalStateException("failed to download url " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("$filesystem.fileFromURL was interrupted.", e);
        }
    }

    Map<String, Object> send(Map<String, Object> config) {
        String method = String.valueOf(config.getOrDefault("method", "GET")).toUpperCase(java.util.Locale.ROOT);
        Object body = config.get("body");
        int timeout = config.get("timeout") instanceof Number n ? n.intValue() : DEFAULT_TIMEOUT_SECONDS;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(String.valueOf(config.get("url"))))
                .timeout(Duration.ofSeconds(timeout))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JsJson.write(body)));
        if (config.get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((k, v) -> request.header(String.valueOf(k), String.valueOf(v)));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("statusCode", response.statusCode());
            Map<String, Object> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k, v));
            out.put("headers", headers);
            out.put("raw", response.body());
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("$http.send failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("$http.send was interrupted.", e);
        }
    }
}
