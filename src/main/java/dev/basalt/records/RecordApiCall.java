package dev.basalt.records;

import dev.basalt.collections.Collection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;

/**
 * One call of the records REST API, as a {@link RecordRequestInterceptor} sees it before it is handled.
 *
 * @param kind       which endpoint
 * @param collection the collection addressed
 * @param id         the record id of a view, update or delete; null otherwise
 * @param body       the submitted body of a create or update, mutable (changes are what gets written); else empty
 * @param request    the HTTP request
 */
public record RecordApiCall(Kind kind, Collection collection, String id, Map<String, Object> body,
                            HttpServletRequest request) {
    /** The endpoints of the records API. */
    public enum Kind { LIST, VIEW, CREATE, UPDATE, DELETE }

    public RecordApiCall {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(request, "request");
        body = body == null ? new java.util.LinkedHashMap<>() : body;
    }
}
