package dev.basalt.collections;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The collections module's seam around each collection write (PocketBase's {@code onCollectionCreate/Update/Delete}
 * and their after-success and after-error hooks), implemented by the hooks module. Every write of the one schema
 * write path passes it: the API, imports and changes made by hooks.
 */
public interface CollectionWriteInterceptor {
    /** False when no hook is bound: writes then skip the interceptor (and building its values) altogether. */
    boolean active();

    /** What a write does. */
    enum Action { CREATE, UPDATE, DELETE }

    /**
     * Wraps one write, inside the schema change's transaction. {@code values} is the collection in its JSON form as
     * it will be saved (create: as submitted; update: the stored collection with the submitted keys over it; delete:
     * the stored one) and may be changed before {@code proceed}, which saves it and returns the stored collection.
     * Returns what {@code proceed} returned, or null when the write was skipped.
     */
    Collection around(Action action, Map<String, Object> values, Supplier<Collection> proceed);

    /** After the write's transaction committed ({@code collection}: as stored, or as it was before a delete). */
    void committed(Action action, Collection collection);

    /** After the write failed or its transaction rolled back; {@code values} as in {@link #around}. */
    void failed(Action action, Map<String, Object> values, RuntimeException error);
}
