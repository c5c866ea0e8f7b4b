package dev.basalt.collections;

import dev.basalt.collections.fields.Field;
import java.util.Optional;

/**
 * Where a view collection's field comes from: the collection (never a view) and field that a view column reads
 * straight from, following views of views (as PocketBase's {@code FindRecordByViewFile}). The files module uses it
 * to find the stored file behind a view record's file name.
 */
public interface ViewSources {
    /** How many views deep a column is followed before giving up (PocketBase's limit as well). */
    int MAX_DEPTH = 5;

    /** A field of a table-backed collection. */
    record Source(Collection collection, Field field) {
    }

    /**
     * The table-backed collection and field that {@code fieldName} of {@code view} reads straight from; empty when
     * the column is computed, the query no longer describes (e.g. a source column was renamed since the view was
     * saved), or the chain of views is deeper than {@link #MAX_DEPTH}.
     */
    Optional<Source> origin(Collection view, String fieldName);
}
