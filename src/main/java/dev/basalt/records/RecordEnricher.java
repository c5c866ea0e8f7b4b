package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.shared.Caller;
import java.util.Map;

/**
 * Sees each record of a records API answer (list items, view, create and update answers), of a realtime message and
 * each record expanded into those, as PocketBase's JSON, before the {@code fields} selection: PocketBase's
 * {@code onRecordEnrich} attaches here. It may hide or add keys.
 */
@FunctionalInterface
public interface RecordEnricher {
    /** Called once per answered record; {@code json} is mutable. */
    void enrich(Collection collection, Map<String, Object> json, Caller caller);

    /** False when it would do nothing now (no handler bound): answers may then be shared between viewers. */
    default boolean active() {
        return true;
    }
}
