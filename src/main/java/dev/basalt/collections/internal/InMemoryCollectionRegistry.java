package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.shared.DataRestored;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The schema in memory: an immutable snapshot replaced as a whole after every committed change (or an explicit
 * {@link #reload()}), so readers never see a half-applied change and never lock.
 */
@Component
public class InMemoryCollectionRegistry implements CollectionRegistry {

    private record Snapshot(long version, List<Collection> all, Map<String, Collection> byId,
                            Map<String, Collection> byLowerName) {
    }

    private final DSLContext dsl;
    private volatile Snapshot snapshot;

    public InMemoryCollectionRegistry(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Collection> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        Snapshot s = current();
        Collection c = s.byId().get(idOrName);
        if (c == null) {
            c = s.byLowerName().get(idOrName.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(c);
    }

    @Override
    public List<Collection> all() {
        return current().all();
    }

    @Override
    public long version() {
        return current().version();
    }

    @Override
    public synchronized void reload() {
        List<Collection> all = CollectionRows.loadAll(dsl);
        Map<String, Collection> byId = new LinkedHashMap<>();
        Map<String, Collection> byName = new LinkedHashMap<>();
        for (Collection c : all) {
            byId.put(c.id(), c);
            byName.put(c.name().toLowerCase(Locale.ROOT), c);
        }
        long next = snapshot == null ? 1 : snapshot.version() + 1;
        snapshot = new Snapshot(next, List.copyOf(all), Map.copyOf(byId), Map.copyOf(byName));
    }

    /** A restore replaced {@code _collections}. */
    @EventListener
    public void restored(DataRestored event) {
        reload();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    reload();
                }
                s = snapshot;
            }
        }
        return s;
    }
}
