package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionSchemas;
import dev.basalt.collections.IndexDefinition;
import dev.basalt.collections.fields.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Basalt's own index on a collection's default list order, {@code (created, id)}: it serves lists without a sort
 * and sorts on {@code created} in both directions (the records API ends every order with {@code id}, see
 * {@code TotalOrder}). PocketBase needs none (SQLite reads in rowid order), so it is not listed in the collection's
 * {@code indexes}; it is named after the collection id, which a rename keeps.
 */
final class OrderIndex {
    private static final String PREFIX = "_basalt_order_";

    private OrderIndex() {
    }

    /** The index the collection's default order needs; empty for views and collections without {@code created}. */
    static Optional<IndexDefinition> of(Collection c) {
        List<String> order = CollectionSchemas.defaultOrder(c);
        if (c.isView() || order.isEmpty()) {
            return Optional.empty();
        }
        List<IndexDefinition.Column> columns = new ArrayList<>();
        order.forEach(name -> columns.add(new IndexDefinition.Column(name, false, false)));
        columns.add(new IndexDefinition.Column(CollectionSchemas.ID, false, false));
        return Optional.of(new IndexDefinition(false, name(c), c.name(), columns, List.of()));
    }

    /** True when the index of {@code old} still fits {@code now}: the same fields under the same names. */
    static boolean unchanged(Collection old, Collection now) {
        Optional<IndexDefinition> before = of(old);
        Optional<IndexDefinition> after = of(now);
        if (before.isEmpty() || after.isEmpty() || !before.get().shape().equals(after.get().shape())) {
            return false;
        }
        return before.get().columns().stream().allMatch(col -> old.field(col.name()).map(Field::id)
                .equals(now.field(col.name()).map(Field::id)));
    }

    private static String name(Collection c) {
        String name = PREFIX + c.id();
        // an id too long for an identifier is named by its checksum (identifiers are global, so no truncation)
        return name.getBytes(StandardCharsets.UTF_8).length <= IndexDefinition.MAX_NAME_BYTES ? name
                : PREFIX + FieldIds.checksum(c.id());
    }
}
