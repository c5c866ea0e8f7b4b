package dev.basalt.hooks;

import dev.basalt.collections.Collection;
import dev.basalt.shared.Caller;
import java.util.Map;
import java.util.Set;

/**
 * A record about to be sent in an API answer (PocketBase's {@code RecordEnrichEvent}): handlers may hide fields
 * ({@code json().remove(...)}) or add computed ones before {@link #next()}.
 */
public final class RecordEnrichEvent extends HookEvent {
    private final Collection collection;
    private final Map<String, Object> json;
    private final Caller caller;

    public RecordEnrichEvent(Collection collection, Map<String, Object> json, Caller caller) {
        this.collection = collection;
        this.json = json;
        this.caller = caller;
    }

    /** The record's collection. */
    public Collection collection() {
        return collection;
    }

    /** The record as it will be sent (PocketBase's JSON), mutable. */
    public Map<String, Object> json() {
        return json;
    }

    /** Who receives it. */
    public Caller auth() {
        return caller;
    }

    @Override
    public Set<String> tags() {
        return Set.of(collection.id(), collection.name());
    }
}
