package dev.basalt.hooks;

import dev.basalt.collections.Collection;
import dev.basalt.records.RecordApiCall;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A records API request (PocketBase's {@code RecordCreateRequestEvent} and its siblings): {@link #next()} handles it
 * as usual (rules, validation, the write, the answer), after which {@link #response()} is that answer. A handler may
 * change the submitted {@link #body()} first (it is what gets written), throw to refuse the request, or answer by
 * itself without calling {@link #next()}.
 */
public final class RecordRequestEvent extends RequestEvent {
    private final RecordApiCall call;
    private final Supplier<Map<String, Object>> stored;
    private Map<String, Object> record;

    /** {@code stored} reads the addressed record (view, update, delete), as stored; empty when it is missing. */
    public RecordRequestEvent(RecordApiCall call, Supplier<Map<String, Object>> stored) {
        super(call.request(), call.id() == null ? Map.of() : Map.of("id", call.id()));
        this.call = call;
        this.stored = stored;
    }

    /** Which endpoint: list, view, create, update or delete. */
    public RecordApiCall.Kind kind() {
        return call.kind();
    }

    /** The collection addressed. */
    public Collection collection() {
        return call.collection();
    }

    /** The record id of a view, update or delete; null otherwise. */
    public String recordId() {
        return call.id();
    }

    /** The submitted body of a create or update, mutable: what it holds after the handlers is what is written. */
    @Override
    public Map<String, Object> body() {
        return call.body();
    }

    /**
     * The record the request is about: for a create the submitted body; for a view, update or delete the stored
     * record (without the update's changes), empty when there is none.
     */
    public Map<String, Object> record() {
        if (record == null) {
            record = call.kind() == RecordApiCall.Kind.CREATE ? call.body() : stored.get();
        }
        return record;
    }

    /** The collection's id and name, for handlers bound to some collections. */
    @Override
    public Set<String> tags() {
        return Set.of(call.collection().id(), call.collection().name());
    }
}
