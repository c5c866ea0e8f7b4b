package dev.basalt.collections;

import dev.basalt.collections.fields.Field;
import dev.basalt.query.ColumnInfo;
import dev.basalt.query.TableSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/** A collection's table as the query compiler sees it: its name and typed columns, hidden ones marked. */
public final class CollectionSchemas {
    private CollectionSchemas() {
    }

    /** The compiler's view of the collection's table. */
    public static TableSchema of(Collection collection) {
        Map<String, ColumnInfo> columns = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            columns.put(f.name(), new ColumnInfo(f.name(), f.kind(), f.hidden()));
        }
        return new TableSchema(collection.name(), columns);
    }
}
