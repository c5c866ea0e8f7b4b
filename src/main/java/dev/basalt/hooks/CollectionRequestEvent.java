package dev.basalt.hooks;

import dev.basalt.collections.CollectionRequestInterceptor.Kind;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;

/**
 * PocketBase's {@code CollectionRequestEvent} and {@code CollectionsListRequestEvent}: a call of the collections API.
 * {@link #collection()} is the collection's JSON form (null for a list), changeable before {@link #next()} in a create
 * or update; {@code next()} handles the call, else the handler answers.
 */
public final class CollectionRequestEvent extends RequestEvent {
    private final Kind kind;
    private final Map<String, Object> collection;

    public CollectionRequestEvent(Kind kind, HttpServletRequest request, Map<String, Object> collection) {
        super(request, Map.of());
        this.kind = kind;
        this.collection = collection;
    }

    /** List, view, create, update or delete. */
    public Kind kind() {
        return kind;
    }

    /** The collection (see the class comment); null for a list. */
    public Map<String, Object> collection() {
        return collection;
    }

    /** The collection's id and name, for handlers bound to some collections (none for a list). */
    @Override
    public Set<String> tags() {
        return collection == null ? Set.of()
                : Set.of(String.valueOf(collection.get("id")), String.valueOf(collection.get("name")));
    }
}
