package dev.basalt.batch.internal;

import java.util.Map;

/**
 * One sub-request of a batch, as submitted.
 *
 * @param method  HTTP method (upper case)
 * @param url     path and query, e.g. {@code /api/collections/posts/records?fields=id}
 * @param headers the sub-request's own headers (accepted as PocketBase does; the caller's auth is the batch's)
 * @param body    the record values (JSON values; uploaded files as lists of multipart files)
 */
record BatchRequest(String method, String url, Map<String, String> headers, Map<String, Object> body) {
    BatchRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? Map.of() : body;
    }
}
