package dev.basalt.access;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.CollectionSchemas;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import dev.basalt.shared.Caller;
import org.springframework.stereotype.Component;

/** The compiler's view of collections for record queries: relation columns resolved against the registry. */
@Component
public class RecordSchemas {
    private final CollectionRegistry registry;

    public RecordSchemas(CollectionRegistry registry) {
        this.registry = registry;
    }

    /** The collection's table, its relation columns naming their target tables. */
    public TableSchema schema(Collection collection) {
        return CollectionSchemas.of(collection, registry::find);
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
        return CollectionSchemas.catalog(registry::find);
    }
}
