package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.CollectionSchemas;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
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

    /** Every collection's table, for relation paths. */
    public TableCatalog catalog() {
        return CollectionSchemas.catalog(registry::find);
    }
}
