package dev.basalt.collections;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * The collections API's seam for PocketBase's {@code onCollectionsListRequest}, {@code onCollectionViewRequest},
 * {@code onCollection(Create|Update|Delete)Request} and {@code onCollectionsImportRequest} hooks, implemented by the
 * hooks module: it wraps the handling of one call and returns the answer; not calling {@code proceed} leaves the call
 * unhandled.
 */
public interface CollectionRequestInterceptor {
    /** The endpoint called. */
    enum Kind { LIST, VIEW, CREATE, UPDATE, DELETE }

    /** False when no hook is bound: calls then skip the interceptor. */
    boolean active();

    /**
     * Wraps one call. {@code collection} is the collection's JSON form: null for a list, the submitted values for a
     * create, the stored collection with the submitted keys over it for an update (both changeable before
     * {@code proceed}, which then saves them), the stored one for a view or delete.
     */
    ResponseEntity<Object> around(Kind kind, HttpServletRequest request, Map<String, Object> collection,
                                  Supplier<ResponseEntity<Object>> proceed);

    /**
     * Wraps {@code PUT /api/collections/import} ({@code onCollectionsImportRequest}): {@code body} is the submitted
     * {@code {"collections": [...], "deleteMissing": bool}}, changeable before {@code proceed}, which imports it.
     */
    default ResponseEntity<Object> aroundImport(HttpServletRequest request, Map<String, Object> body,
                                                Supplier<ResponseEntity<Object>> proceed) {
        return proceed.get();
    }
}
