package dev.basalt.collections;

import dev.basalt.collections.fields.AutodateField;
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
    /** The record id: unique and never NULL, the last key of every list order. */
    public static final String ID = "id";
    /** The creation time field new collections get. */
    public static final String CREATED = "created";
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
        return new TableSchema(collection.name(), columns).ordered(ID, defaultOrder(collection));
    }

    /**
     * A list without a sort is in insertion order, as PocketBase's (SQLite's rowid order): {@code created} when it
     * is the creation autodate, then {@code id}; a view by {@code id} alone. Basalt indexes this order.
     */
    public static List<String> defaultOrder(Collection collection) {
        boolean insertionDate = !collection.isView() && collection.field(CREATED)
                .filter(f -> f instanceof AutodateField a && a.onCreate() && !a.onUpdate()).isPresent();
        return insertionDate ? List.of(CREATED) : List.of();
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
