package dev.basalt.collections;

import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.RelationField;
import dev.basalt.query.ColumnInfo;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A collection's table as the query compiler sees it: its name and typed columns, hidden ones marked. */
public final class CollectionSchemas {
    private static final String EMAIL = "email";
    private static final String EMAIL_VISIBILITY = "emailVisibility";

    private CollectionSchemas() {
    }

    /** The compiler's view of the collection's table, without relation targets. */
    public static TableSchema of(Collection collection) {
        return of(collection, idOrName -> Optional.empty());
    }

    /** The compiler's view of the collection's table; relation columns name their target table, found by id. */
    public static TableSchema of(Collection collection, Function<String, Optional<Collection>> find) {
        Map<String, ColumnInfo> columns = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            String target = f instanceof RelationField r ? find.apply(r.collectionId()).map(Collection::name)
                    .orElse(null) : null;
            columns.put(f.name(), new ColumnInfo(f.name(), f.kind(), f.hidden(), target, shownIf(collection, f)));
        }
        return new TableSchema(collection.name(), columns);
    }

    /**
     * An auth record's email can be compared or sorted by callers without hidden access only where its
     * {@code emailVisibility} is true, as PocketBase adds that condition to such filters.
     */
    private static String shownIf(Collection collection, Field f) {
        return collection.isAuth() && f.system() && f.name().equals(EMAIL) ? EMAIL_VISIBILITY : null;
    }

    /** The tables relation paths can reach: every collection {@code find} knows (by id or name). */
    public static TableCatalog catalog(Function<String, Optional<Collection>> find) {
        return name -> find.apply(name).map(c -> of(c, find)).orElse(null);
    }

    /** A catalog of these collections (e.g. a candidate and the stored ones while validating). */
    public static TableCatalog catalog(List<Collection> collections) {
        return catalog(finder(collections));
    }

    /** Finds a collection of the list by id, else by name (case-insensitive), as the registry does. */
    public static Function<String, Optional<Collection>> finder(List<Collection> collections) {
        return idOrName -> collections.stream().filter(c -> c.id().equals(idOrName)).findFirst()
                .or(() -> collections.stream().filter(c -> c.name().equalsIgnoreCase(idOrName)).findFirst());
    }
}
