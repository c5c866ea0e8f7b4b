package dev.basalt.hooks;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionWriteInterceptor.Action;
import java.util.Map;
import java.util.Set;

/**
 * PocketBase's {@code CollectionEvent} and {@code CollectionErrorEvent}: a collection create, update or delete on the
 * one schema write path. In {@code onCollectionCreate/Update} {@link #collection()} (the collection's JSON form) may
 * be changed before {@link #next()}, which saves it, inside the schema change's transaction; in the after-success
 * hooks the change is committed; in the error hooks {@link #error()} says why it failed.
 */
public final class CollectionEvent extends HookEvent {
    private final Action action;
    private final Map<String, Object> collection;
    private final Collection stored;
    private final Throwable error;

    public CollectionEvent(Action action, Map<String, Object> collection, Collection stored, Throwable error) {
        this.action = action;
        this.collection = collection;
        this.stored = stored;
        this.error = error;
    }

    /** Create, update or delete. */
    public Action action() {
        return action;
    }

    /**
     * The collection as PocketBase's JSON shows it ({@code name}, {@code type}, {@code fields}, rules, ...); mutable
     * before {@link #next()} in a create or update hook.
     */
    public Map<String, Object> collection() {
        return collection;
    }

    /** The stored collection (after-success hooks; the deleted one for a delete), else null. */
    public Collection stored() {
        return stored;
    }

    /** Why the write failed (error hooks only); null otherwise. */
    public Throwable error() {
        return error;
    }

    /** The collection's id and name, for handlers bound to some collections. */
    @Override
    public Set<String> tags() {
        return Set.of(String.valueOf(collection.get("id")), String.valueOf(collection.get("name")));
    }
}
