package dev.basalt.collections;

import java.util.List;
import java.util.Optional;

/** Read access to the current schema, served from memory and refreshed whenever a collection changes. */
public interface CollectionRegistry {

    /** The collection with this id, or with this name (case-insensitive). */
    Optional<Collection> find(String idOrName);

    /** Every collection, system ones included, ordered by creation. */
    List<Collection> all();

    /** A number that grows every time the snapshot is replaced (to tell whether a cached view is stale). */
    long version();

    /** Reloads every collection from the database (e.g. after another node changed the schema). */
    void reload();
}
