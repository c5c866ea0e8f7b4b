package dev.basalt.collections;

import java.util.List;

/**
 * Changes collections. Each call runs in one database transaction that updates {@code _collections} and alters
 * the collection tables together; on any error nothing changes. The {@link CollectionRegistry} is refreshed
 * after the commit. Errors are {@link dev.basalt.shared.ApiException}s: 400 with per-key field errors (keys like
 * {@code name}, {@code fields.2.name}, {@code indexes.0}), 404 for an unknown collection.
 */
public interface CollectionService {

    /** Creates a collection and its table; returns it as stored. */
    Collection create(CollectionDraft draft);

    /** Changes the keys present in the patch (see {@link CollectionDraft}); returns the collection as stored. */
    Collection update(String idOrName, CollectionDraft patch);

    /** Drops a non-system collection and its table. */
    void delete(String idOrName);

    /**
     * Creates or updates each given collection (matched by id, else by name), in one transaction. With
     * {@code deleteMissing}, non-system collections not given are deleted, and so are non-system fields not given
     * in an updated collection.
     */
    void importCollections(List<CollectionDraft> collections, boolean deleteMissing);

    /**
     * Creates this system collection unless one with its id or name exists; returns the stored one either way.
     * Used by modules at startup (e.g. the auth module's {@code _superusers}).
     */
    Collection ensureSystemCollection(Collection definition);
}
