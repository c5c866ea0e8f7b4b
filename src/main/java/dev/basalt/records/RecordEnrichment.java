package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.shared.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link RecordEnricher}s on a record as it is answered (records API, realtime messages) and on every
 * record expanded into it, at any depth, each with its own collection: PocketBase's {@code onRecordEnrich} sees
 * expanded records too.
 */
@Component
class RecordEnrichment {
    private final List<RecordEnricher> enrichers;
    private final CollectionRegistry collections;

    RecordEnrichment(List<RecordEnricher> enrichers, CollectionRegistry collections) {
        this.enrichers = List.copyOf(enrichers);
        this.collections = collections;
    }

    /** True when some enricher would act (so a caller may not share one rendering between viewers). */
    boolean active() {
        return enrichers.stream().anyMatch(RecordEnricher::active);
    }

    /** Enriches {@code json} (mutable) and the records in its {@code expand}, for {@code caller}. */
    void enrich(Collection collection, Map<String, Object> json, Caller caller) {
        if (!active()) {
            return;
        }
        enrichers.forEach(e -> e.enrich(collection, json, caller));
        if (json.get("expand") instanceof Map<?, ?> expand) {
            for (Object value : expand.values()) {
                if (value instanceof Map<?, ?> one) {
                    expanded(one, caller);
                } else if (value instanceof List<?> many) {
                    many.forEach(item -> expanded(item, caller));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void expanded(Object item, Caller caller) {
        if (item instanceof Map<?, ?> json && json.get("collectionId") instanceof String id) {
            collections.find(id).ifPresent(c -> enrich(c, (Map<String, Object>) json, caller));
        }
    }
}
