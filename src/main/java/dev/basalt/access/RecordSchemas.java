package dev.basalt.access;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.CollectionSchemas;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import dev.basalt.shared.Caller;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The compiler's view of collections for record queries: relation columns resolved against the registry. Each
 * collection's table is built once per registry version and kept (a realtime change checked for 1,000 subscribers
 * built it 1,000 times before), keyed by the registry's own collection instance, so a collection that is not the
 * registry's current one (a candidate being validated) is built afresh every time.
 */
@Component
public class RecordSchemas {
    private final CollectionRegistry registry;
    /** The tables of the registry's current collections, by collection id. */
    private final Map<String, Built> built = new ConcurrentHashMap<>();
    /** The registry version of the entries in {@link #built}: older ones are dropped (deleted collections too). */
    private volatile long builtVersion;

    /** A table built from this collection instance while the registry was at this version. */
    private record Built(Collection collection, long version, TableSchema schema) {
    }

    public RecordSchemas(CollectionRegistry registry) {
        this.registry = registry;
    }

    /** The collection's table, its relation columns naming their target tables. */
    public TableSchema schema(Collection collection) {
        long version = registry.version();
        if (version != builtVersion) {
            built.clear();
            builtVersion = version;
        }
        Built b = built.get(collection.id());
        if (b != null && b.collection() == collection && b.version() == version) {
            return b.schema();
        }
        TableSchema schema = CollectionSchemas.of(collection, registry::find);
        // kept only when built from the registry's current instance within one version: relation targets are
        // names found in that same snapshot
        if (registry.version() == version && registry.find(collection.id()).orElse(null) == collection) {
            built.put(collection.id(), new Built(collection, version, schema));
        }
        return schema;
    }

    /**
     * Every collection's table, for the paths of {@code caller}'s filters and sorts: a non-superuser reaches a
     * collection only when its listRule is not null (see {@link TableCatalog#listable}), and only the records that
     * listRule lets the caller list ({@link TableCatalog#joinGuard}, as PocketBase applies the joined collection's
     * listRule to client filters); rules reach every table and row.
     */
    public TableCatalog catalog(Caller caller) {
        TableCatalog all = catalog();
        if (caller.superuser()) {
            return all;
        }
        return new TableCatalog() {
            @Override
            public TableSchema table(String name) {
                return all.table(name);
            }

            @Override
            public boolean listable(String name) {
                return registry.find(name).map(c -> c.listRule() != null).orElse(false);
            }

            @Override
            public String joinGuard(String name) {
                return registry.find(name).map(Collection::listRule).orElse(null);
            }
        };
    }

    /** Every collection's table, for relation paths. */
    public TableCatalog catalog() {
        return name -> registry.find(name).map(this::schema).orElse(null);
    }
}
